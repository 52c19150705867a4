import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEventBatches } from "../schema";

/** The first occurrence of each id, in request order: a repeated id within one request is a duplicate. */
function firstOccurrences<T extends { id: string }>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  const first: T[] = [];
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    first.push(event);
  }
  return first;
}

/**
 * Stores a batch in one transaction: the ids (deduplication) and one NDJSON row holding the bodies of the events
 * it stored, in request order. It inserts only while the session is open and the caller's (the `for share` lock,
 * held to the commit, makes a concurrent completion wait until the batch is committed, so no event lands after
 * it), skips ids already stored and repeated ids within the batch, and returns the ids it stored. Both rows
 * commit or neither does: an id without its body would make the client's retry a "duplicate" and lose the event.
 */
export async function insertSessionEventBatch(
  db: Database,
  args: { userId: string; sessionId: string; events: readonly { id: string }[] },
): Promise<string[]> {
  const events = firstOccurrences(args.events);
  if (events.length === 0) return [];
  return db.transaction(async (tx) => {
    // `sql.param` binds the array as one text[] parameter; a bare array would expand into one parameter per id.
    // Sorted, so that concurrent requests with overlapping ids wait on each other in one order, never a deadlock.
    const ids = events.map((event) => event.id).sort();
    // The answer is one row: the count, and the stored ids only when some were duplicates (parsing 500 returned
    // rows costs more than the insert's bookkeeping).
    const result = await tx.execute<{ stored: number; ids: string[] | null }>(sql`
      with inserted as (
        insert into session_event_ids (session_id, event_id)
        select s.id, e.id
        from (select id from sessions where id = ${args.sessionId} and user_id = ${args.userId} and status = 'open' for share) s
        cross join unnest(${sql.param(ids)}::text[]) as e(id)
        on conflict do nothing
        returning event_id)
      select count(*)::int as stored,
        case when count(*) < ${ids.length} then array_agg(event_id) end as ids
      from inserted`);
    const [summary] = rowsOf<{ stored: number; ids: string[] | null }>(result);
    if (!summary || summary.stored === 0) return [];
    const storedIds = new Set(summary.ids ?? []);
    const stored = summary.stored === events.length ? events : events.filter((e) => storedIds.has(e.id));
    await tx.insert(sessionEventBatches).values({
      sessionId: args.sessionId,
      eventCount: stored.length,
      body: stored.map((event) => JSON.stringify(event)).join("\n"),
    });
    return stored.map((event) => event.id);
  });
}

/** node-postgres and PGlite return `{ rows }`; the Neon pool does too. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function countSessionEvents(db: Database, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${sessionEventBatches.eventCount}), 0)::int` })
    .from(sessionEventBatches)
    .where(eq(sessionEventBatches.sessionId, sessionId));
  return row?.n ?? 0;
}
