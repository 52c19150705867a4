import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertExample } from "@/db/queries/examples";
import { insertSession } from "@/db/queries/sessions";
import { examples, sessions, workspaceEvents } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { AppError } from "@/lib/errors";
import { readServerSentEvents, type ServerSentEvent } from "@/test/helpers/server-sent-events";
import { emitEvents } from "./emit-events";
import { pruneWorkspaceEvents, WORKSPACE_EVENTS_KEPT_MS } from "./prune-workspace-events";
import { MAX_STREAMS_PER_WORKSPACE, openWorkspaceEventStream } from "./stream-workspace-events";
import { closeWorkspaceEventHub, WorkspaceEventHub } from "./workspace-event-hub";

// The live stream end to end on the real database (PGlite, or Postgres with DATABASE_URL): triggers write the
// event and NOTIFY in the status change's transaction; one listener per hub (per "instance") fans out.

let dataDir: string | undefined;
const aborts: AbortController[] = [];
const hubs: WorkspaceEventHub[] = [];

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterEach(async () => {
  for (const abort of aborts.splice(0)) abort.abort();
  for (const hub of hubs.splice(0)) await hub.close();
});
afterAll(async () => {
  await closeWorkspaceEventHub();
  await closeTestDatabase(dataDir);
});

async function newSession(workspaceId: string, userId: string) {
  const db = await getDb();
  const id = crypto.randomUUID();
  await insertSession(db, { id, workspaceId, userId, suiteId: suiteId("gmail"), status: "open" });
  return id;
}

async function setSessionStatus(id: string, status: "uploaded" | "processing" | "completed" | "failed") {
  const db = await getDb();
  await db.update(sessions).set({ status }).where(eq(sessions.id, id));
}

async function openStream(
  workspaceId: string,
  options: { lastEventId?: number; hub?: WorkspaceEventHub; heartbeatMs?: number } = {},
) {
  const abort = new AbortController();
  aborts.push(abort);
  const body = await openWorkspaceEventStream({ workspaceId, signal: abort.signal, ...options });
  const stream = readServerSentEvents(body);
  await stream.next((e) => e.comments.includes("connected"));
  return { ...stream, abort };
}

const isEvent = (type: string) => (e: ServerSentEvent) => e.event === type;
const dataOf = (e: ServerSentEvent) => JSON.parse(e.data ?? "null") as Record<string, unknown>;

describe("GET /v1/events/stream, on the database", () => {
  it("delivers session and example status changes in commit order, with increasing ids", async () => {
    const user = await createTestUser();
    const stream = await openStream(user.id);
    const sessionId = await newSession(user.id, user.id);
    await setSessionStatus(sessionId, "uploaded");
    await setSessionStatus(sessionId, "processing");
    const db = await getDb();
    const example = await insertExample(db, {
      workspaceId: user.id,
      userId: user.id,
      sessionId,
      modelId: modelId("tracepipe-rules-1"),
      actionToolMapId: actionToolMapId("gmail-to-gmail-mcp"),
    });
    await db.update(examples).set({ status: "completed" }).where(eq(examples.id, example.id));
    await setSessionStatus(sessionId, "completed");

    const seen: ServerSentEvent[] = [];
    for (let i = 0; i < 6; i++) seen.push(await stream.next((e) => e.event !== undefined));
    expect(seen.map((e) => [e.event, dataOf(e).status])).toEqual([
      ["session.status_changed", "open"],
      ["session.status_changed", "uploaded"],
      ["session.status_changed", "processing"],
      ["example.status_changed", "pending"],
      ["example.status_changed", "completed"],
      ["session.status_changed", "completed"],
    ]);
    expect(dataOf(seen[2] as ServerSentEvent)).toEqual({
      session_id: sessionId,
      status: "processing",
      previous_status: "uploaded",
    });
    expect(dataOf(seen[4] as ServerSentEvent)).toMatchObject({
      example_id: example.id,
      session_id: sessionId,
    });
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resumes after Last-Event-ID with exactly the events missed, then continues live", async () => {
    const user = await createTestUser();
    const first = await openStream(user.id);
    const sessionId = await newSession(user.id, user.id);
    const opened = await first.next(isEvent("session.status_changed"));
    first.abort.abort();
    await setSessionStatus(sessionId, "uploaded");
    await setSessionStatus(sessionId, "processing");

    const resumed = await openStream(user.id, { lastEventId: Number(opened.id) });
    const replayed = [
      await resumed.next(isEvent("session.status_changed")),
      await resumed.next(isEvent("session.status_changed")),
    ];
    expect(replayed.map((e) => dataOf(e).status)).toEqual(["uploaded", "processing"]);
    await setSessionStatus(sessionId, "completed");
    const live = await resumed.next(isEvent("session.status_changed"));
    expect(dataOf(live).status).toBe("completed");
    expect(resumed.received.filter((e) => e.event).map((e) => dataOf(e).status)).toEqual([
      "uploaded",
      "processing",
      "completed",
    ]);
  });

  it("never sends another workspace's events", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const bobStream = await openStream(bob.id);
    const aliceSession = await newSession(alice.id, alice.id);
    await setSessionStatus(aliceSession, "failed");
    const bobSession = await newSession(bob.id, bob.id);
    const received = await bobStream.next(isEvent("session.status_changed"));
    expect(dataOf(received).session_id).toBe(bobSession);
    // Bob's own event came after Alice's two commits: had they leaked, they would have arrived first.
    expect(bobStream.received.filter((e) => e.event).map((e) => dataOf(e).session_id)).toEqual([bobSession]);
  });

  it("sends nothing for a rolled-back status change", async () => {
    const user = await createTestUser();
    const sessionId = await newSession(user.id, user.id);
    const stream = await openStream(user.id);
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await tx.update(sessions).set({ status: "failed" }).where(eq(sessions.id, sessionId));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await setSessionStatus(sessionId, "uploaded");
    expect(dataOf(await stream.next(isEvent("session.status_changed"))).status).toBe("uploaded");
  });

  it("relays budget alerts from the outbox as budget.threshold_reached", async () => {
    const user = await createTestUser();
    const stream = await openStream(user.id);
    const db = await getDb();
    await emitEvents(db, [
      {
        name: "budget/threshold-reached",
        id: `budget-${user.id}-80`,
        data: {
          workspaceId: user.id,
          thresholdPercent: 80,
          costCents: 8000,
          limitCents: 10_000,
          periodStart: "2026-12-01T00:00:00.000Z",
        },
      },
    ]);
    const alert = await stream.next(isEvent("budget.threshold_reached"));
    expect(dataOf(alert)).toEqual({
      threshold_percent: 80,
      cost_cents: 8000,
      limit_cents: 10_000,
      period_start: "2026-12-01T00:00:00.000Z",
    });
  });

  it("sends a heartbeat comment while idle", async () => {
    const user = await createTestUser();
    const stream = await openStream(user.id, { heartbeatMs: 50 });
    await stream.next((e) => e.comments.includes("heartbeat"), 2000);
  });

  it("bounds the streams per workspace and frees a slot when a client aborts", async () => {
    const user = await createTestUser();
    const hub = new WorkspaceEventHub();
    hubs.push(hub);
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_WORKSPACE; i++) streams.push(await openStream(user.id, { hub }));
    expect(hub.countSubscribers(user.id)).toBe(MAX_STREAMS_PER_WORKSPACE);
    const refused = openWorkspaceEventStream({
      workspaceId: user.id,
      signal: new AbortController().signal,
      hub,
    });
    await expect(refused).rejects.toSatisfy((e) => e instanceof AppError && e.status === 429);
    streams[0]?.abort.abort();
    expect(hub.countSubscribers(user.id)).toBe(MAX_STREAMS_PER_WORKSPACE - 1);
  });

  it.runIf(process.env.DATABASE_URL)(
    "two instances (two listeners) both receive a change committed by a third connection",
    async () => {
      const user = await createTestUser();
      const sessionId = await newSession(user.id, user.id);
      const instances = [new WorkspaceEventHub(), new WorkspaceEventHub()];
      hubs.push(...instances);
      const streams = await Promise.all(instances.map((hub) => openStream(user.id, { hub })));
      const third = new Client({ connectionString: process.env.DATABASE_URL });
      await third.connect();
      try {
        await third.query("update sessions set status = 'processing' where id = $1", [sessionId]);
      } finally {
        await third.end();
      }
      for (const stream of streams) {
        const received = await stream.next(isEvent("session.status_changed"));
        expect(dataOf(received)).toMatchObject({ session_id: sessionId, status: "processing" });
      }
    },
  );

  it("reports the latency from a committed status change to the event", async () => {
    const user = await createTestUser();
    const sessionId = await newSession(user.id, user.id);
    const stream = await openStream(user.id);
    const statuses = ["uploaded", "processing", "completed", "failed"] as const;
    const latencies: number[] = [];
    for (let round = 0; round < 20; round++) {
      const status = statuses[round % statuses.length] as (typeof statuses)[number];
      const start = performance.now();
      await setSessionStatus(sessionId, status);
      await stream.next(isEvent("session.status_changed"));
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] as number;
    console.info(
      `stream latency on ${process.env.DATABASE_URL ? "Postgres" : "PGlite"}: median ${median.toFixed(1)} ms, max ${(latencies.at(-1) as number).toFixed(1)} ms`,
    );
    expect(median).toBeLessThan(1000);
  });
});

describe("pruning the event log", () => {
  it("deletes events past the resume window and keeps newer ones", async () => {
    const user = await createTestUser();
    await newSession(user.id, user.id);
    const db = await getDb();
    const kept = await db.select().from(workspaceEvents).where(eq(workspaceEvents.workspaceId, user.id));
    expect(kept).toHaveLength(1);
    expect(await pruneWorkspaceEvents(new Date(Date.now() + WORKSPACE_EVENTS_KEPT_MS - 60_000))).toBe(0);
    expect(
      await pruneWorkspaceEvents(new Date(Date.now() + WORKSPACE_EVENTS_KEPT_MS + 60_000)),
    ).toBeGreaterThan(0);
    expect(await db.select().from(workspaceEvents).where(eq(workspaceEvents.workspaceId, user.id))).toEqual(
      [],
    );
  });
});
