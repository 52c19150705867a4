import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEventBatches } from "../schema";

/** One request's events for `insertSessionEventBatches`. */
export interface SessionEventBatch {
  workspaceId: string;
  sessionId: string;
  events: readonly { id: string }[];
}

/** Stores one request's batch: `insertSessionEventBatches` with a single batch (see there). */
export async function insertSessionEventBatch(db: Database, batch: SessionEventBatch): Promise<string[]> {
  const [stored] = await insertSessionEventBatches(db, [batch]);
  return stored ?? [];
}

/**
 * Stores several requests' batches in ONE statement (group commit: the ingest queue hands it every batch that
 * arrived while the last flush ran) and returns, per batch and in the order given, the ids it stored (not the
 * duplicates). Per batch: the ids (deduplication) and one NDJSON row holding the bodies of the events it stored, in
 * request order; the batch rows are inserted in the order given, so `seq` keeps a session's request order. A single
 * statement is atomic on its own, so every row commits or none does (an id without its body would make the client's
 * retry a "duplicate" and lose the event), and it needs no interactive transaction: on the embedded database a
 * transaction would hold the database across round trips to the server's thread, and Neon's HTTP driver has none.
 *
 * A batch is stored only while its session is open and its workspace's (the `for share` lock, held to the commit,
 * makes a concurrent completion wait until the batch is committed, so no event lands after it). Ids already stored
 * are skipped, and so are repeated ids within a batch or in an earlier batch of the same session in this call (the
 * earlier request stores the event, the later one counts a duplicate, as if they had run one after the other). When
 * every id of a batch is new (the common case) its body is the NDJSON as built here; otherwise the statement keeps the
 * lines of the stored ids (NDJSON lines are split on "\n", which JSON.stringify never leaves inside a value).
 */
export async function insertSessionEventBatches(
  db: Database,
  batches: readonly SessionEventBatch[],
): Promise<string[][]> {
  const firsts = firstOccurrencesAcrossBatches(batches);
  const results: string[][] = batches.map(() => []);
  const sent = firsts.map((events, index) => ({ index, events })).filter((b) => b.events.length > 0);
  if (sent.length === 0) return results;
  // `sql.param` binds each array as one array parameter; a bare array would expand into one parameter per item.
  const column = <T>(pick: (batch: (typeof sent)[number]) => T) => sql.param(sent.map(pick));
  const eventColumn = <T>(pick: (event: { id: string }, ord: number, no: number) => T) =>
    sql.param(sent.flatMap((batch, no) => batch.events.map((event, ord) => pick(event, ord + 1, no + 1))));
  const result = await db.execute(sql`
    with b as (
      select b.no, b.workspace_id, b.session_id, b.sent, b.body
      from unnest(
        ${column((b) => batches[b.index]?.workspaceId)}::uuid[],
        ${column((b) => batches[b.index]?.sessionId)}::uuid[],
        ${column((b) => b.events.length)}::int[],
        ${column((b) => b.events.map((event) => JSON.stringify(event)).join("\n"))}::text[]
      ) with ordinality as b(workspace_id, session_id, sent, body, no)),
    s as (
      select id, workspace_id from sessions
      where id in (select session_id from b) and status = 'open'
      for share),
    ok as (select b.* from b join s on s.id = b.session_id and s.workspace_id = b.workspace_id),
    input as (
      select e.no, e.id, e.ord
      from unnest(
        ${eventColumn((_e, _ord, no) => no)}::int[],
        ${eventColumn((event) => event.id)}::text[],
        ${eventColumn((_e, ord) => ord)}::int[]
      ) as e(no, id, ord)),
    inserted as (
      insert into session_event_ids (session_id, event_id)
      -- In id order, so that concurrent statements with overlapping ids wait on each other in one order, never a deadlock.
      select ok.session_id, input.id from ok join input on input.no = ok.no
      order by ok.session_id, input.id
      on conflict do nothing
      returning session_id, event_id),
    -- An id is in at most one batch of its session here (deduplicated above), so this maps each stored id to its batch.
    stored as (
      select input.no, input.id, input.ord
      from inserted
      join ok on ok.session_id = inserted.session_id
      join input on input.no = ok.no and input.id = inserted.event_id),
    counts as (select no, count(*)::int as stored from stored group by no),
    batch as (
      insert into session_event_batches (session_id, event_count, body)
      select ok.session_id, counts.stored,
        case when counts.stored = ok.sent then ok.body
        else (
          select string_agg(line.text, E'\n' order by line.ord)
          from unnest(string_to_array(ok.body, E'\n')) with ordinality as line(text, ord)
          join stored on stored.no = ok.no and stored.ord = line.ord)
        end
      from ok join counts on counts.no = ok.no
      order by ok.no
      returning seq)
    select b.no, coalesce(counts.stored, 0) as stored,
      case when coalesce(counts.stored, 0) between 1 and b.sent - 1
        then (select array_agg(stored.id) from stored where stored.no = b.no) end as ids,
      (select count(*) from batch) as batches
    from b left join counts on counts.no = b.no
    order by b.no`);
  for (const row of rowsOf<{ no: number | string; stored: number; ids: string[] | null }>(result)) {
    const batch = sent[Number(row.no) - 1];
    if (!batch || row.stored === 0) continue;
    const storedIds = row.stored === batch.events.length ? undefined : new Set(row.ids ?? []);
    results[batch.index] = batch.events.map((event) => event.id).filter((id) => storedIds?.has(id) ?? true);
  }
  return results;
}

/**
 * Per batch, the first occurrence of each id in request order, leaving out ids that an earlier batch of the same
 * session (and workspace) in the same call already carries: within one statement they would collide.
 */
function firstOccurrencesAcrossBatches(batches: readonly SessionEventBatch[]): { id: string }[][] {
  const seenBySession = new Map<string, Set<string>>();
  return batches.map((batch) => {
    const sessionKey = `${batch.workspaceId}/${batch.sessionId}`;
    let seen = seenBySession.get(sessionKey);
    if (!seen) {
      seen = new Set();
      seenBySession.set(sessionKey, seen);
    }
    const first: { id: string }[] = [];
    for (const event of batch.events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      first.push(event);
    }
    return first;
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
