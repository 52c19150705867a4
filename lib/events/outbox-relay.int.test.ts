import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listOutboxEvents } from "@/db/queries/outbox-events";
import { insertSession } from "@/db/queries/sessions";
import { sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { embeddedClientOptions } from "@/lib/jobs/embedded-client-options";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { enqueueEventRuns } from "@/lib/jobs/enqueue-event-runs";
import { waitForEventRuns } from "@/lib/jobs/wait-for-job-runs";
import { childLogger } from "@/lib/logger";
import { emitEvents, transactionWithEvents } from "./emit-events";
import { OutboxRelay } from "./outbox-relay";

// The outbox: an event commits with the write that causes it or not at all, and every committed event reaches
// the job system exactly once — relayed at once after the commit, or later when the process died before that.

const client = new Inngest({ id: "outbox-test", logger: childLogger("inngest"), ...embeddedClientOptions() });
const ran: string[] = [];
const onUpload = client.createFunction(
  { id: "on-upload", triggers: [{ event: "session/uploaded" }] },
  async ({ event, step }) => {
    await step.run("record", () => {
      ran.push(String(event.data.sessionId));
    });
    return event.data.sessionId;
  },
);

let dataDir: string | undefined;
const stoppers: (() => Promise<void>)[] = [];

async function startExecutor(options: { outboxIntervalMs?: number } = {}): Promise<EmbeddedExecutor> {
  const executor = new EmbeddedExecutor({
    client,
    functions: [onUpload],
    db: await getDb(),
    pollIntervalMs: 50,
    ...options,
  });
  await executor.start();
  stoppers.push(() => executor.stop());
  return executor;
}

const uploaded = (sessionId: string, userId: string) => ({
  name: "session/uploaded" as const,
  id: `session-uploaded-${sessionId}`,
  data: { sessionId, workspaceId: userId, userId },
});

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
  ran.length = 0;
});
afterAll(async () => {
  await closeTestDatabase(dataDir);
});

it("writes neither the domain row nor its event when the transaction fails", async () => {
  const db = await getDb();
  const user = await createTestUser();
  const sessionId = crypto.randomUUID();
  await expect(
    transactionWithEvents(db, async (tx, emit) => {
      await insertSession(tx, {
        id: sessionId,
        workspaceId: user.id,
        userId: user.id,
        suiteId: suiteId("gmail"),
        status: "uploaded",
      });
      emit(uploaded(sessionId, user.id));
      throw new Error("storage refused the file");
    }),
  ).rejects.toThrow("storage refused the file");
  expect(await db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(0);
  expect(await listOutboxEvents(db, [`session-uploaded-${sessionId}`])).toHaveLength(0);
});

it("refuses an event whose payload does not match its schema, before anything commits", async () => {
  const db = await getDb();
  await expect(
    emitEvents(db, [
      {
        name: "session/uploaded",
        id: "bad",
        data: { sessionId: "not-a-uuid", workspaceId: "x", userId: "x" },
      },
    ]),
  ).rejects.toThrow();
  expect(await listOutboxEvents(db, ["bad"])).toHaveLength(0);
});

it("relays right after the commit, without waiting for the relay's timer", { timeout: 60_000 }, async () => {
  // The timer would only look in a minute: a run within seconds can only come from the nudge after the commit.
  await startExecutor({ outboxIntervalMs: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const db = await getDb();
  const user = await createTestUser();
  const sessionId = crypto.randomUUID();
  await transactionWithEvents(db, async (tx, emit) => {
    await insertSession(tx, {
      id: sessionId,
      workspaceId: user.id,
      userId: user.id,
      suiteId: suiteId("gmail"),
      status: "uploaded",
    });
    emit(uploaded(sessionId, user.id));
  });
  const [run] = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 10_000 });
  expect(run?.status).toBe("completed");
  expect((await listOutboxEvents(db, [`session-uploaded-${sessionId}`]))[0]?.sentAt).toBeInstanceOf(Date);
});

it("relays an event committed by a process that died before relaying it, exactly once", {
  timeout: 60_000,
}, async () => {
  const db = await getDb();
  const user = await createTestUser();
  const sessionId = crypto.randomUUID();
  // Committed with no relay in the process: what a crash between the commit and the hand-over leaves behind.
  await emitEvents(db, [uploaded(sessionId, user.id)]);
  expect((await listOutboxEvents(db, [`session-uploaded-${sessionId}`]))[0]?.sentAt).toBeNull();

  // The next start relays it; a second executor and a second pass over the same row start no second run.
  await startExecutor();
  await startExecutor();
  const [run] = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 20_000 });
  expect(run?.status).toBe("completed");
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await waitForEventRuns(db, `session-uploaded-${sessionId}`)).toHaveLength(1);
  expect(ran.filter((id) => id === sessionId)).toHaveLength(1);
});

it("sends a row again when the process died after the send but before marking it sent; the receiver keeps one", {
  timeout: 60_000,
}, async () => {
  const db = await getDb();
  const user = await createTestUser();
  const sessionId = crypto.randomUUID();
  await emitEvents(db, [uploaded(sessionId, user.id)]);

  // Like the Inngest delivery: hand over (here into the run queue, outside the outbox's transaction), then mark.
  // The first pass dies in between.
  let passes = 0;
  const relay = new OutboxRelay(
    db,
    async (events, markSent) => {
      passes++;
      await enqueueEventRuns(db, { appId: client.id, functions: [onUpload], events });
      if (passes === 1) throw new Error("process killed before markSent");
      await markSent(db);
    },
    { backoff: { baseMs: 1, maxMs: 1 } },
  );
  expect(await relay.relayPending()).toBe(0);
  const [failed] = await listOutboxEvents(db, [`session-uploaded-${sessionId}`]);
  expect(failed?.sentAt).toBeNull();
  expect(failed?.lastError).toBe("process killed before markSent");

  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await relay.relayPending()).toBe(1);
  expect(passes).toBe(2);
  const [sent] = await listOutboxEvents(db, [`session-uploaded-${sessionId}`]);
  expect(sent?.sentAt).toBeInstanceOf(Date);
  expect(sent?.attempts).toBe(2);

  await startExecutor();
  const runs = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 20_000 });
  expect(runs).toHaveLength(1);
  expect(runs[0]?.status).toBe("completed");
  expect(ran.filter((id) => id === sessionId)).toHaveLength(1);
});
