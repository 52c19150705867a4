import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, getDb } from "@/db/client";
import { countSessionEvents } from "@/db/queries/session-events";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { withPoisonedBatchRowsRefused } from "@/test/helpers/poisoned-batch-rows";
import {
  completeStreamingSession,
  openStreamingSession,
  postEvents,
} from "@/test/helpers/streaming-ingest-client";
import { databaseIngestDeps, getEventQueue } from "./database-ingest-deps";
import { storeEvents } from "./ingest-events";
import { makeEvent } from "./stream-session";

// Group commit on the real database (PGlite, or the Postgres in DATABASE_URL): concurrent requests' batches go to
// the database in one statement, each request is answered with its own counts, and a batch the database refuses
// fails its own request only.

let dataDir: string;
let db: Database;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  db = await getDb();
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

const openSession = async () => (await openStreamingSession(caller.headers)).id;

const post = (sessionId: string, body: unknown[]) =>
  postEvents(caller.headers, sessionId, JSON.stringify(body));

const store = (sessionId: string, batch: { id: string }[]) =>
  storeEvents({ workspaceId: caller.user.id, sessionId, events: batch, deps: databaseIngestDeps });

/** The batch rows of these sessions: count, and how many transactions wrote them (`xmin`, one per transaction). */
async function batchRows(sessionIds: string[]) {
  const result = await db.execute(sql`
    select count(*)::int as batches, count(distinct xmin::text)::int as transactions,
      coalesce(sum(event_count), 0)::int as events
    from session_event_batches where session_id = any(${sql.param(sessionIds)}::uuid[])`);
  const [row] = rows<{ batches: number; transactions: number; events: number }>(result);
  return row;
}

/** The ids of a session's stored events, in stored order (batch rows by `seq`, lines in order). */
async function storedIdsInOrder(sessionId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select body from session_event_batches where session_id = ${sessionId} order by seq`,
  );
  return rows<{ body: string }>(result).flatMap((row) =>
    row.body.split("\n").map((line) => (JSON.parse(line) as { id: string }).id),
  );
}

const batchOf = (start: number, count = 500) => Array.from({ length: count }, (_, i) => makeEvent(start + i));

describe("ingest group commit", () => {
  it("writes concurrent requests' batches in one statement and one transaction, every row of each", async () => {
    const sessionIds = await Promise.all(Array.from({ length: 4 }, () => openSession()));
    const queue = await getEventQueue();
    const flushesBefore = queue.stats.flushes;
    // Eight requests over four sessions, submitted together: one flush.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store(sessionIds[i % 4] ?? "", batchOf(i * 500))),
    );
    expect(results).toEqual(Array.from({ length: 8 }, () => ({ accepted: 500, duplicates: 0 })));
    expect(queue.stats.flushes - flushesBefore).toBe(1);
    // One batch row per session, its two requests' events in request order.
    expect(await batchRows(sessionIds)).toEqual({ batches: 4, transactions: 1, events: 4_000 });
    for (const [i, sessionId] of sessionIds.entries()) {
      expect(await countSessionEvents(db, sessionId)).toBe(1_000);
      expect(await storedIdsInOrder(sessionId)).toEqual(
        [...batchOf(i * 500), ...batchOf((i + 4) * 500)].map((event) => event.id),
      );
    }
  });

  it("answers every one of many concurrent HTTP requests with its own rows stored", async () => {
    const sessionIds = await Promise.all(Array.from({ length: 3 }, () => openSession()));
    const queue = await getEventQueue();
    const flushesBefore = queue.stats.flushes;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(sessionIds[i % 3] ?? "", batchOf(i * 100, 100))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 202));
    for (const response of responses) expect(await response.json()).toEqual({ accepted: 100, duplicates: 0 });
    const written = await batchRows(sessionIds);
    expect(written?.events).toBe(1_200);
    // One transaction per flush, and a flush writes one row per session it holds.
    expect(written?.transactions).toBe(queue.stats.flushes - flushesBefore);
    expect(written?.batches).toBeGreaterThanOrEqual(3);
    expect(written?.batches).toBeLessThanOrEqual(12);
  });

  it("keeps a session's request order and counts an id sent earlier, in this flush or before, as a duplicate", async () => {
    const sessionId = await openSession();
    expect(await store(sessionId, [makeEvent(5)])).toEqual({ accepted: 1, duplicates: 0 });
    const results = await Promise.all([
      store(sessionId, [makeEvent(1), makeEvent(2)]),
      store(sessionId, [makeEvent(2), makeEvent(3)]),
      store(sessionId, [makeEvent(4), makeEvent(1), makeEvent(5)]),
    ]);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
      { accepted: 1, duplicates: 2 },
    ]);
    // The grouped row keeps only the lines of the ids it stored (5 was stored before), in request order.
    expect(await storedIdsInOrder(sessionId)).toEqual([5, 1, 2, 3, 4].map((n) => makeEvent(n).id));
    expect(await countSessionEvents(db, sessionId)).toBe(5);
  });

  it("answers a completed or foreign session in a flush with its own error, the others with their rows", async () => {
    const open = await openSession();
    const completed = await openSession();
    expect((await completeStreamingSession(caller.headers, completed)).status).toBe(200);
    const other = await createTestCaller();
    const outcomes = await Promise.allSettled([
      store(open, batchOf(0, 10)),
      store(completed, batchOf(0, 10)),
      storeEvents({
        workspaceId: other.user.id,
        sessionId: open,
        events: batchOf(100, 5),
        deps: databaseIngestDeps,
      }),
      store(open, batchOf(10, 10)),
    ]);
    expect(outcomes[0]).toMatchObject({ status: "fulfilled", value: { accepted: 10, duplicates: 0 } });
    expect(outcomes[1]).toMatchObject({ status: "rejected", reason: { status: 409 } });
    expect(outcomes[2]).toMatchObject({ status: "rejected", reason: { status: 404 } });
    expect(outcomes[3]).toMatchObject({ status: "fulfilled", value: { accepted: 10, duplicates: 0 } });
    expect(await countSessionEvents(db, open)).toBe(20);
    expect(await countSessionEvents(db, completed)).toBe(0);
  });

  it("fails only the request whose row the database refuses: the flush is retried request by request", async () => {
    const sessionIds = await Promise.all(Array.from({ length: 3 }, () => openSession()));
    const poisonEvent = { ...makeEvent(99), text: "poison" };
    const poisoned = [...batchOf(50, 49), poisonEvent];
    const queue = await getEventQueue();
    const retriedBefore = queue.stats.retriedAlone;
    // The refused row fails the whole grouped statement; the queue then writes each request on its own.
    await withPoisonedBatchRowsRefused(db, async () => {
      const outcomes = await Promise.allSettled([
        store(sessionIds[0] ?? "", batchOf(0, 50)),
        store(sessionIds[1] ?? "", poisoned),
        store(sessionIds[2] ?? "", batchOf(100, 50)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(outcomes[1]).toMatchObject({ reason: { cause: { message: "poisoned batch" } } });
      expect(queue.stats.retriedAlone - retriedBefore).toBe(3);
    });
    expect(await countSessionEvents(db, sessionIds[0] ?? "")).toBe(50);
    expect(await countSessionEvents(db, sessionIds[1] ?? "")).toBe(0);
    expect(await countSessionEvents(db, sessionIds[2] ?? "")).toBe(50);
    // Nothing of the refused request was kept (no id without its body), so its retry stores all of it.
    expect(await store(sessionIds[1] ?? "", poisoned)).toEqual({
      accepted: 50,
      duplicates: 0,
    });
  });
});
