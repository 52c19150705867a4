import type { Database } from "@/db/client";
import { insertOutboxEvents } from "@/db/queries/outbox-events";
import { type AppEvent, appEventSchemas } from "@/schemas/app-events";
import { nudgeOutboxRelays } from "./outbox-relay-registry";

/** Validates each event against its declared schema: a bad payload fails the write, never the run later. */
function toOutboxRows(events: AppEvent[]) {
  return events.map((event) => ({
    id: event.id,
    name: event.name,
    data: appEventSchemas[event.name].parse(event.data) as Record<string, unknown>,
  }));
}

/**
 * Runs `write` in one transaction together with the events it emits: the domain rows and their events commit
 * together or not at all. The relay is nudged after the commit, so the events leave within milliseconds; a
 * crash before that leaves them in the outbox for the relay's next pass.
 */
export async function transactionWithEvents<T>(
  db: Database,
  write: (tx: Database, emit: (event: AppEvent) => void) => Promise<T>,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    const emitted: AppEvent[] = [];
    const value = await write(tx, (event) => emitted.push(event));
    await insertOutboxEvents(tx, toOutboxRows(emitted));
    return { value, hasEvents: emitted.length > 0 };
  });
  if (result.hasEvents) nudgeOutboxRelays();
  return result.value;
}

/**
 * Emits events on their own, in one autocommit statement: for a caller whose domain write is already durable
 * and idempotent (a job step, a webhook already recorded), where the event id makes a repeat a no-op.
 */
export async function emitEvents(db: Database, events: AppEvent[]): Promise<void> {
  await insertOutboxEvents(db, toOutboxRows(events));
  if (events.length > 0) nudgeOutboxRelays();
}
