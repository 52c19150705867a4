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

/** The requests of one session in one call, their events concatenated in request order (one batch row). */
interface SessionUnit {
  workspaceId: string;
  sessionId: string;
  events: { id: string }[];
  /** Which request sent each event, by index into `batches`. */
  senders: number[];
}

/**
 * Stores several requests' batches in ONE statement (group commit: the ingest queue hands it every request that
 * arrived while the last flush ran) and returns, per request and in the order given, the ids it stored (not the
 * duplicates). Per session: the ids (deduplication) and one NDJSON row holding the bodies of the events it stored,
 * in request order, so `seq` and the line order keep a session's request order. A single statement is atomic on its
 * own, so every row commits or none does (an id without its body would make the client's retry a "duplicate" and
 * lose the event), and it needs no interactive transaction: on the embedded database a transaction would hold the
 * database across round trips to the server's thread, and Neon's HTTP driver has none.
 *
 * A session's events are stored only while it is open and the workspace's (the `for share` lock, held to the commit,
 * makes a concurrent completion wait until the batch is committed, so no event lands after it). Ids already stored
 * are skipped, and so are repeated ids within the call (the earlier request stores the event, the later one counts a
 * duplicate, as if they had run one after the other). When every id of a session is new (the common case) its body
 * is the NDJSON as built here; otherwise the statement keeps the lines of the stored ids (NDJSON lines are split on
 * "\n", which JSON.stringify never leaves inside a value). Counting per session, not per request, keeps the
 * statement free of joins on the stored ids: the planner, unable to size the arrays, would nest-loop them.
 */
export async function insertSessionEventBatches(
  db: Database,
  batches: readonly SessionEventBatch[],
): Promise<string[][]> {
  const results: string[][] = batches.map(() => []);
  const units = sessionUnits(batches);
  if (units.length === 0) return results;
  // `sql.param` binds each array as one array parameter; a bare array would expand into one parameter per item.
  const unitColumn = <T>(pick: (unit: SessionUnit) => T) => sql.param(units.map(pick));
  // Where each unit's events start in the flattened event arrays (1-based), for the lines of a partly stored body.
  let first = 1;
  const firsts = units.map((unit) => {
    const at = first;
    first += unit.events.length;
    return at;
  });
  // Every unit's NDJSON lines in one text parameter (up to a few MB), split by the statement: bound as a text[] the
  // bodies would be escaped into an array literal and parsed back, which cost seconds per flush of 16 requests.
  const lines = units.flatMap((unit) => unit.events.map((event) => JSON.stringify(event))).join("\n");
  const result = await db.execute(sql`
    with request as (select string_to_array(${lines}::text, E'\n') as lines),
    u as (
      select u.no, u.workspace_id, u.session_id, u.sent, u.first,
        array_to_string((select lines from request)[u.first : u.first + u.sent - 1], E'\n') as body
      from unnest(
        ${unitColumn((unit) => unit.workspaceId)}::uuid[],
        ${unitColumn((unit) => unit.sessionId)}::uuid[],
        ${unitColumn((unit) => unit.events.length)}::int[],
        ${sql.param(firsts)}::int[]
      ) with ordinality as u(workspace_id, session_id, sent, first, no)),
    s as (
      select id, workspace_id from sessions
      where id in (select session_id from u) and status = 'open'
      for share),
    -- At most one unit per session here: a session has one workspace.
    ok as (select u.* from u join s on s.id = u.session_id and s.workspace_id = u.workspace_id),
    input as (
      -- Bytewise, as session_event_ids.event_id is (and so comparisons with the stored ids agree on one collation).
      -- A unit's events are the contiguous positions from its first, so its number is the bucket of the sorted
      -- firsts the position falls in (a binary search), and no per-event unit number is sent.
      select width_bucket(e.pos::int, ${sql.param(firsts)}::int[]) as no, e.id collate "C" as id, e.pos
      from unnest(${sql.param(units.flatMap((unit) => unit.events.map((event) => event.id)))}::text[])
        with ordinality as e(id, pos)),
    inserted as (
      insert into session_event_ids (session_id, event_id)
      -- In id order, so that concurrent statements with overlapping ids wait on each other in one order, never a deadlock.
      select ok.session_id, input.id from ok join input on input.no = ok.no
      order by ok.session_id, input.id
      on conflict do nothing
      returning session_id, event_id),
    counts as (select session_id, count(*)::int as stored from inserted group by session_id),
    batch as (
      insert into session_event_batches (session_id, event_count, body)
      select ok.session_id, counts.stored,
        case when counts.stored = ok.sent then ok.body
        else (
          select string_agg(line.text, E'\n' order by line.ord)
          from unnest((select lines from request)[ok.first : ok.first + ok.sent - 1]) with ordinality as line(text, ord)
          join input on input.pos = ok.first + line.ord - 1
          -- Uncorrelated, so that Postgres hashes the stored ids once instead of scanning them per line.
          where (ok.session_id, input.id) in (select session_id, event_id from inserted))
        end
      from ok join counts on counts.session_id = ok.session_id
      order by ok.no
      returning seq)
    select u.no, coalesce(counts.stored, 0) as stored,
      case when coalesce(counts.stored, 0) between 1 and u.sent - 1
        then (select array_agg(event_id) from inserted where inserted.session_id = ok.session_id) end as ids,
      (select count(*) from batch) as batches
    from u left join ok on ok.no = u.no left join counts on counts.session_id = ok.session_id
    order by u.no`);
  for (const row of rowsOf<{ no: number | string; stored: number; ids: string[] | null }>(result)) {
    const unit = units[Number(row.no) - 1];
    if (!unit || row.stored === 0) continue;
    const storedIds = row.stored === unit.events.length ? undefined : new Set(row.ids ?? []);
    unit.events.forEach((event, i) => {
      if (storedIds && !storedIds.has(event.id)) return;
      results[unit.senders[i] ?? -1]?.push(event.id);
    });
  }
  return results;
}

/**
 * The call's requests grouped by session (and workspace), in order of first appearance: each request's first
 * occurrence of an id, leaving out ids an earlier request of the same session in this call already carries.
 */
function sessionUnits(batches: readonly SessionEventBatch[]): SessionUnit[] {
  const units = new Map<string, SessionUnit & { seen: Set<string> }>();
  batches.forEach((batch, index) => {
    const key = `${batch.workspaceId}/${batch.sessionId}`;
    let unit = units.get(key);
    if (!unit) {
      unit = {
        workspaceId: batch.workspaceId,
        sessionId: batch.sessionId,
        events: [],
        senders: [],
        seen: new Set(),
      };
      units.set(key, unit);
    }
    for (const event of batch.events) {
      if (unit.seen.has(event.id)) continue;
      unit.seen.add(event.id);
      unit.events.push(event);
      unit.senders.push(index);
    }
  });
  return [...units.values()].filter((unit) => unit.events.length > 0);
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
