import { and, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboxEvents } from "@/db/schema";

export type OutboxEventRow = typeof outboxEvents.$inferSelect;

/** Inserts events; an id already in the outbox is the same event again (a retried request) and is skipped. */
export async function insertOutboxEvents(
  db: Database,
  events: { id: string; name: string; data: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(outboxEvents).values(events).onConflictDoNothing({ target: outboxEvents.id });
}

/**
 * Leases up to `limit` unsent events in write order: their `relay_after` moves `leaseMs` ahead, so another relay
 * (another process on the same Postgres) skips them, and a relay that dies leaves them to be picked up once the
 * lease passes. `SKIP LOCKED` keeps two relays from waiting on each other.
 */
export async function claimUnsentOutboxEvents(
  db: Database,
  { limit, leaseMs }: { limit: number; leaseMs: number },
): Promise<OutboxEventRow[]> {
  const due = db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(and(isNull(outboxEvents.sentAt), sql`${outboxEvents.relayAfter} <= now()`))
    .orderBy(outboxEvents.relayAfter, outboxEvents.createdAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(outboxEvents)
    .set({
      relayAfter: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      attempts: sql`${outboxEvents.attempts} + 1`,
    })
    .where(inArray(outboxEvents.id, due))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function markOutboxEventsSent(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outboxEvents)
    .set({ sentAt: sql`now()`, lastError: null })
    .where(and(inArray(outboxEvents.id, ids), isNull(outboxEvents.sentAt)));
}

/** Keeps the error and retries after `retryAfterMs` (the lease already pushed `relay_after` ahead). */
export async function recordOutboxRelayFailure(
  db: Database,
  { ids, error, retryAfterMs }: { ids: string[]; error: string; retryAfterMs: number },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outboxEvents)
    .set({ lastError: error, relayAfter: sql`now() + ${`${retryAfterMs} milliseconds`}::interval` })
    .where(and(inArray(outboxEvents.id, ids), isNull(outboxEvents.sentAt)));
}

/** Sent events are kept a while for inspection, then deleted; their receivers deduplicate on their own. */
export async function deleteOutboxEventsSentBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(outboxEvents)
    .where(and(isNotNull(outboxEvents.sentAt), lt(outboxEvents.sentAt, before)))
    .returning({ id: outboxEvents.id });
  return rows.length;
}

export async function listOutboxEvents(db: Database, ids: string[]): Promise<OutboxEventRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(outboxEvents).where(inArray(outboxEvents.id, ids));
}
