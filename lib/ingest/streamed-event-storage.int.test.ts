import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, getDb } from "@/db/client";
import { countSessionEvents, insertSessionEventBatch } from "@/db/queries/session-events";
import { deleteSessionForWorkspace } from "@/db/queries/sessions";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { runBronzeStep, streamedEventsAsJsonl } from "@/lib/pipeline-runs/bronze-step";
import { collectJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import { withPoisonedBatchRowsRefused } from "@/test/helpers/poisoned-batch-rows";
import {
  completeStreamingSession,
  openStreamingSession,
  postEvents,
} from "@/test/helpers/streaming-ingest-client";
import { makeEvent } from "./stream-session";

// What the streamed-event storage keeps: one id row per event for deduplication and one NDJSON batch row per
// request, written together or not at all, read back in arrival order.

let dataDir: string;
let db: Database;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  db = await getDb();
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  timestamp: 1_763_726_400_000,
  type: "click",
  ...extra,
});

const openSession = async () => (await openStreamingSession(caller.headers)).id;

const post = (sessionId: string, body: unknown[]) =>
  postEvents(caller.headers, sessionId, JSON.stringify(body));

const completeSession = (sessionId: string) => completeStreamingSession(caller.headers, sessionId);

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function storedIds(sessionId: string): Promise<string[]> {
  const result = await db.execute(
    sql`select event_id from session_event_ids where session_id = ${sessionId} order by event_id`,
  );
  return rows<{ event_id: string }>(result).map((row) => row.event_id);
}

async function storedBatches(sessionId: string) {
  const result = await db.execute(
    sql`select event_count, body from session_event_batches where session_id = ${sessionId} order by seq`,
  );
  return rows<{ event_count: number; body: string }>(result);
}

async function readStreamed(sessionId: string): Promise<string> {
  return new Response(streamedEventsAsJsonl(sessionId)).text();
}

const insert = (sessionId: string, batch: { id: string }[]) =>
  insertSessionEventBatch(db, { workspaceId: caller.user.id, sessionId, events: batch });

describe("streamed event storage", () => {
  it("stores the first occurrence within a request and skips ids stored by earlier requests", async () => {
    const sessionId = await openSession();
    const first = [event("b", { n: 1 }), event("a"), event("b", { n: 2 }), event("c")];
    expect(await insert(sessionId, first)).toEqual(["b", "a", "c"]);
    // Only the new events of a partly repeated request are stored, in request order.
    expect(await insert(sessionId, [event("a"), event("e"), event("c"), event("d"), event("e")])).toEqual([
      "e",
      "d",
    ]);
    expect(await insert(sessionId, [event("a"), event("d")])).toEqual([]);

    expect(await storedIds(sessionId)).toEqual(["a", "b", "c", "d", "e"]);
    const batches = await storedBatches(sessionId);
    // A request that stored nothing leaves no batch row.
    expect(batches.map((b) => b.event_count)).toEqual([3, 2]);
    expect(batches[0]?.body).toBe(
      [event("b", { n: 1 }), event("a"), event("c")].map((e) => JSON.stringify(e)).join("\n"),
    );
    expect(batches[1]?.body).toBe([event("e"), event("d")].map((e) => JSON.stringify(e)).join("\n"));
    expect(await countSessionEvents(db, sessionId)).toBe(5);
  });

  it("binds ids with array-literal characters as one text[] parameter", async () => {
    const sessionId = await openSession();
    const odd = ['q"uote', "com,ma", "{brace}", "back\\slash", "NULL", " padded "];
    const batch = odd.map((id) => event(id));
    expect(await insert(sessionId, batch)).toEqual(odd);
    expect((await storedIds(sessionId)).sort()).toEqual([...odd].sort());
    expect(await insert(sessionId, batch)).toEqual([]);
  });

  it("keeps arrival order across many batches into the streamed source of bronze", async () => {
    const sessionId = await openSession();
    // Nine requests cross the reader's page boundary; every third one repeats the previous request's events.
    const sent: ReturnType<typeof makeEvent>[] = [];
    for (let request = 0; request < 9; request++) {
      const batch = Array.from({ length: 50 }, (_, i) => makeEvent(request * 50 + i)).reverse();
      const res = await post(sessionId, request % 3 === 2 ? [...sent.slice(-50), ...batch] : batch);
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ accepted: 50, duplicates: request % 3 === 2 ? 50 : 0 });
      sent.push(...batch);
    }
    expect(await storedBatches(sessionId)).toHaveLength(9);

    const streamed = await readStreamed(sessionId);
    expect(streamed.endsWith("\n")).toBe(true);
    const lines = streamed.trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(sent.map((e) => e.id));
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(sent)));

    const done = await completeSession(sessionId);
    expect(await done.json()).toMatchObject({ status: "uploaded", event_count: 450 });
    const bronze = await runBronzeStep(sessionId);
    expect(bronze.events).toBe(450);
    const bronzeIds = (await collectJsonlArtifact<{ id: string }>(artifactKeys(sessionId).bronze)).map(
      (e) => e.id,
    );
    expect(bronzeIds).toEqual(Array.from({ length: 450 }, (_, i) => makeEvent(i).id));
  });

  it("rejects events for a completed session with 409 and stores none of them", async () => {
    const sessionId = await openSession();
    expect((await post(sessionId, [event("kept")])).status).toBe(202);
    expect((await completeSession(sessionId)).status).toBe(200);

    const late = await post(sessionId, [event("late-1"), event("late-2")]);
    expect(late.status).toBe(409);
    expect(await insert(sessionId, [event("late-3")])).toEqual([]);
    expect(await storedIds(sessionId)).toEqual(["kept"]);
    expect(await storedBatches(sessionId)).toHaveLength(1);
    expect(await countSessionEvents(db, sessionId)).toBe(1);
  });

  // Two connections are needed to hold a batch open while completing; PGlite has one and serializes them anyway.
  it.skipIf(!process.env.DATABASE_URL)(
    "counts a batch that commits while the session is being completed",
    async () => {
      const sessionId = await openSession();
      expect((await post(sessionId, [event("first")])).status).toBe(202);
      const { Client } = await import("pg");
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        // What an ingest statement does, held open: share-lock the open session, store one event.
        await other.query("begin");
        await other.query("select id from sessions where id = $1 and status = 'open' for share", [sessionId]);
        await other.query("insert into session_event_ids (session_id, event_id) values ($1, 'in-flight')", [
          sessionId,
        ]);
        await other.query(
          "insert into session_event_batches (session_id, event_count, body) values ($1, 1, $2)",
          [sessionId, JSON.stringify(event("in-flight"))],
        );
        let completed = false;
        const completing = completeSession(sessionId).then((res) => {
          completed = true;
          return res;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(completed).toBe(false);
        await other.query("commit");
        const res = await completing;
        expect(res.status).toBe(200);
        expect(((await res.json()) as { event_count: number }).event_count).toBe(2);
      } finally {
        await other.end();
      }
    },
  );

  it("stores nothing for a session of another user", async () => {
    const sessionId = await openSession();
    const other = await createTestCaller();
    expect(
      await insertSessionEventBatch(db, { workspaceId: other.user.id, sessionId, events: [event("x")] }),
    ).toEqual([]);
    expect(await storedIds(sessionId)).toEqual([]);
    expect(await storedBatches(sessionId)).toEqual([]);
  });

  it("writes the ids and the batch together: a failed batch row leaves no id behind, so a retry stores it", async () => {
    const sessionId = await openSession();
    const batch = [event("p1"), event("p2", { text: "poison" })];
    // The batch-row insert fails after the id insert has run.
    await withPoisonedBatchRowsRefused(db, async () => {
      await expect(insert(sessionId, batch)).rejects.toThrow();
      expect(await storedIds(sessionId)).toEqual([]);
      expect(await storedBatches(sessionId)).toEqual([]);
    });
    expect(await insert(sessionId, batch)).toEqual(["p1", "p2"]);
    expect(await storedBatches(sessionId)).toHaveLength(1);
  });

  it("stores each id once when requests with overlapping ids run at the same time", async () => {
    const sessionId = await openSession();
    const ids = Array.from({ length: 200 }, (_, i) => `c-${i}`);
    // Overlapping windows in both directions: unordered lock acquisition would be where deadlocks come from.
    const requests = [0, 50, 100].flatMap((start) => {
      const window = ids.slice(start, start + 100).map((id) => event(id));
      return [window, [...window].reverse()];
    });
    const results = await Promise.all(requests.map((batch) => insert(sessionId, batch)));
    const stored = results.flat();
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...ids].sort());
    const bodies = (await storedBatches(sessionId)).flatMap((b) => b.body.split("\n"));
    expect(bodies.map((line) => (JSON.parse(line) as { id: string }).id).sort()).toEqual([...ids].sort());
    expect(await countSessionEvents(db, sessionId)).toBe(200);
  });

  it("compares ids bytewise: case, accents and normal forms are different ids", async () => {
    // The id index is COLLATE "C" (migration 0020): a bytewise key is what an opaque client id is, and strcoll on
    // every comparison made each stored id about twice as expensive under the servers' default C.UTF-8.
    const [column] = rows<{ collation: string | null }>(
      await db.execute(sql`
        select collation_name as collation from information_schema.columns
        where table_name = 'session_event_ids' and column_name = 'event_id'`),
    );
    expect(column?.collation).toBe("C");
    const sessionId = await openSession();
    const ids = ["e", "E", "é", "e\u0301", "e-10", "e-9"];
    const events = ids.map((id) => event(id));
    expect(await insert(sessionId, events)).toEqual(ids);
    expect(await insert(sessionId, events)).toEqual([]);
    expect((await storedIds(sessionId)).sort()).toEqual([...ids].sort());
  });

  it("deletes a session's ids and batches with the session", async () => {
    const sessionId = await openSession();
    expect(await insert(sessionId, [event("d1"), event("d2")])).toHaveLength(2);
    expect(await deleteSessionForWorkspace(db, caller.user.id, sessionId)).toBeTruthy();
    expect(await storedIds(sessionId)).toEqual([]);
    expect(await storedBatches(sessionId)).toEqual([]);
  });
});
