import { and, count, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEvents } from "../schema";

/**
 * Stores a batch in one statement. It inserts only while the session is open and the caller's (the `for share`
 * lock makes a concurrent completion wait until the batch is committed, so no event lands after it), skips ids
 * already stored (also within the batch), keeps the batch order in `seq`, and returns the ids it stored.
 */
export async function insertSessionEventBatch(
  db: Database,
  args: { userId: string; sessionId: string; events: readonly { id: string }[] },
): Promise<string[]> {
  if (args.events.length === 0) return [];
  const result = await db.execute<{ event_id: string }>(sql`
    insert into session_events (session_id, event_id, body)
    select s.id, e.value ->> 'id', e.value
    from (select id from sessions where id = ${args.sessionId} and user_id = ${args.userId} and status = 'open' for share) s
    cross join jsonb_array_elements(${JSON.stringify(args.events)}::jsonb) with ordinality as e(value, ord)
    order by e.ord
    on conflict do nothing
    returning event_id`);
  return rowsOf<{ event_id: string }>(result).map((row) => row.event_id);
}

/** node-postgres and PGlite return `{ rows }`; the Neon pool does too. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function countSessionEvents(db: Database, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessionEvents)
    .where(eq(sessionEvents.sessionId, sessionId));
  return row?.n ?? 0;
}

export async function listSessionEventIds(db: Database, sessionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ eventId: sessionEvents.eventId })
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), sql`${sessionEvents.eventId} = any(${ids})`));
  return rows.map((r) => r.eventId);
}
