import { getDb } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { isInngestEngine } from "@/lib/env";
import { inngest } from "./client";
import { functions } from "./functions";

export interface OutgoingEvent {
  name: string;
  data: Record<string, unknown>;
  /** Deduplication id: sending the same id twice starts one run per function, not two. */
  id?: string;
}

function triggerEventNames(fn: (typeof functions)[number]): string[] {
  const triggers = (fn.opts as { triggers?: unknown }).triggers;
  const list = Array.isArray(triggers) ? triggers : triggers ? [triggers] : [];
  return list.flatMap((t) => (t && typeof t === "object" && "event" in t ? [String(t.event)] : []));
}

/**
 * Sends events to the Inngest engine when one is configured; in the embedded default, queues one durable run
 * per triggered function in the database for the local executor. Either way the event is durable on return.
 */
export async function sendEvent(events: OutgoingEvent | OutgoingEvent[]): Promise<void> {
  const list = (Array.isArray(events) ? events : [events]).map((e) => ({
    ...e,
    id: e.id ?? crypto.randomUUID(),
  }));
  if (isInngestEngine()) {
    await inngest.send(list);
    return;
  }
  const rows = list.flatMap((event) =>
    functions
      .filter((fn) => triggerEventNames(fn).includes(event.name))
      .map((fn) => ({
        functionId: fn.id(),
        eventId: event.id,
        eventName: event.name,
        event: { name: event.name, data: event.data, id: event.id, ts: Date.now() },
      })),
  );
  if (rows.length === 0) return;
  const db = await getDb();
  await db.insert(jobRuns).values(rows).onConflictDoNothing();
}
