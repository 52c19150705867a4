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
 * Stores a batch in ONE statement: the ids (deduplication) and one NDJSON row holding the bodies of the events it
 * stored, in request order. A single statement is atomic on its own, so both rows commit or neither does (an id
 * without its body would make the client's retry a "duplicate" and lose the event), and it needs no interactive
 * transaction: on the embedded database a transaction would hold the database across round trips to the server's
 * thread, and Neon's HTTP driver has none.
 *
 * It inserts only while the session is open and the caller's (the `for share` lock, held to the commit, makes a
 * concurrent completion wait until the batch is committed, so no event lands after it), skips ids already stored
 * and repeated ids within the request, and returns the ids it stored. When every id is new (the common case) the
 * body is the request's NDJSON as sent; otherwise the statement keeps the lines of the stored ids (NDJSON lines
 * are split on "\n", which JSON.stringify never leaves inside a value).
 */
export async function insertSessionEventBatch(
  db: Database,
  args: { workspaceId: string; sessionId: string; events: readonly { id: string }[] },
): Promise<string[]> {
  const events = firstOccurrences(args.events);
  if (events.length === 0) return [];
  // `sql.param` binds the array as one text[] parameter; a bare array would expand into one parameter per id.
  const ids = sql.param(events.map((event) => event.id));
  const body = events.map((event) => JSON.stringify(event)).join("\n");
  const result = await db.execute<{ stored: number; ids: string[] | null }>(sql`
    with s as (
      select id from sessions
      where id = ${args.sessionId} and workspace_id = ${args.workspaceId} and status = 'open'
      for share),
    input as (select e.id, e.ord from unnest(${ids}::text[]) with ordinality as e(id, ord)),
    -- The body is bound once (it is up to 5 MB) and referenced twice below.
    request as (select ${body}::text as body),
    inserted as (
      insert into session_event_ids (session_id, event_id)
      -- In id order, so that concurrent requests with overlapping ids wait on each other in one order, never a deadlock.
      select s.id, input.id from s cross join input order by input.id
      on conflict do nothing
      returning event_id),
    summary as (select count(*)::int as stored from inserted),
    batch as (
      insert into session_event_batches (session_id, event_count, body)
      select s.id, summary.stored,
        case when summary.stored = ${events.length} then request.body
        else (
          select string_agg(line.text, E'\n' order by line.ord)
          from unnest(string_to_array(request.body, E'\n')) with ordinality as line(text, ord)
          join input on input.ord = line.ord
          where input.id in (select event_id from inserted))
        end
      from s cross join summary cross join request
      where summary.stored > 0
      returning seq)
    select summary.stored,
      case when summary.stored < ${events.length} then (select array_agg(event_id) from inserted) end as ids,
      (select count(*) from batch) as batches
    from summary`);
  const [summary] = rowsOf<{ stored: number; ids: string[] | null }>(result);
  if (!summary || summary.stored === 0) return [];
  if (summary.stored === events.length) return events.map((event) => event.id);
  const storedIds = new Set(summary.ids ?? []);
  return events.filter((event) => storedIds.has(event.id)).map((event) => event.id);
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
