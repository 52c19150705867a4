import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import { sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { closeWorkspaceEventHub, getWorkspaceEventHub } from "@/lib/events/workspace-event-hub";
import { readServerSentEvents } from "@/test/helpers/server-sent-events";
import { GET } from "./route";

// The route handler as Next calls it: credentials, headers, Last-Event-ID, and the client going away.

let dataDir: string | undefined;
const aborts: AbortController[] = [];
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterEach(() => {
  for (const abort of aborts.splice(0)) abort.abort();
});
afterAll(async () => {
  await closeWorkspaceEventHub();
  await closeTestDatabase(dataDir);
});

function getStream(headers: Record<string, string>, query = "") {
  const abort = new AbortController();
  aborts.push(abort);
  const request = new Request(`http://127.0.0.1/v1/events/stream${query}`, { headers, signal: abort.signal });
  return { abort, response: GET(request, { params: Promise.resolve({}) }) };
}

async function newSession(workspaceId: string) {
  const id = crypto.randomUUID();
  await insertSession(await getDb(), {
    id,
    workspaceId,
    userId: workspaceId,
    suiteId: suiteId("gmail"),
    status: "open",
  });
  return id;
}

describe("GET /v1/events/stream", () => {
  it("refuses a request without a credential", async () => {
    const response = await getStream({}).response;
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("refuses an ingest-only API key", async () => {
    const caller = await createTestCaller("ingest");
    expect((await getStream(caller.headers).response).status).toBe(403);
  });

  it("refuses a Last-Event-ID that is not an event id", async () => {
    const caller = await createTestCaller("read");
    const response = await getStream({ ...caller.headers, "last-event-id": "yesterday" }).response;
    expect(response.status).toBe(422);
  });

  it("streams the workspace's events as text/event-stream to a read key, and lets go when the client aborts", async () => {
    const caller = await createTestCaller("read");
    const { abort, response } = getStream(caller.headers);
    const opened = await response;
    expect(opened.status).toBe(200);
    expect(opened.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(opened.headers.get("cache-control")).toBe("no-cache, no-transform");
    const stream = readServerSentEvents(opened.body as ReadableStream<Uint8Array>);
    await stream.next((e) => e.comments.includes("connected"));
    const sessionId = await newSession(caller.user.id);
    const event = await stream.next((e) => e.event === "session.status_changed");
    expect(event.id).toMatch(/^\d+$/);
    expect(JSON.parse(event.data ?? "")).toEqual({
      session_id: sessionId,
      status: "open",
      previous_status: null,
    });

    expect(getWorkspaceEventHub().countSubscribers(caller.user.id)).toBe(1);
    abort.abort();
    expect(getWorkspaceEventHub().countSubscribers(caller.user.id)).toBe(0);
  });

  it("replays exactly the events after Last-Event-ID (header or query)", async () => {
    const caller = await createTestCaller("full");
    const other = await createTestApiKey(caller.user.id, "read");
    const first = getStream(caller.headers);
    const live = readServerSentEvents((await first.response).body as ReadableStream<Uint8Array>);
    await live.next((e) => e.comments.includes("connected"));
    const sessionId = await newSession(caller.user.id);
    const created = await live.next((e) => e.event === "session.status_changed");
    first.abort.abort();
    const db = await getDb();
    for (const status of ["uploaded", "processing"] as const)
      await db.update(sessions).set({ status }).where(eq(sessions.id, sessionId));

    for (const [headers, query] of [
      [{ ...caller.headers, "last-event-id": created.id as string }, ""],
      [{ authorization: `Bearer ${other.secret}` }, `?last_event_id=${created.id}`],
    ] as const) {
      const resumed = readServerSentEvents(
        (await getStream(headers, query).response).body as ReadableStream<Uint8Array>,
      );
      const replayed = [
        await resumed.next((e) => e.event !== undefined),
        await resumed.next((e) => e.event !== undefined),
      ];
      expect(replayed.map((e) => JSON.parse(e.data ?? "").status)).toEqual(["uploaded", "processing"]);
      const [second, third] = replayed.map((e) => Number(e.id));
      expect(second).toBeGreaterThan(Number(created.id));
      expect(third).toBeGreaterThan(second as number);
    }
  });
});
