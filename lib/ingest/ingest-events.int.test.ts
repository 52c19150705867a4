import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/v1/sessions/[id]/events/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { callRoute } from "@/test/helpers/call-route";
import {
  completeStreamingSession,
  openStreamingSession,
  postEvents,
} from "@/test/helpers/streaming-ingest-client";

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  timestamp: 1_763_726_400_000,
  type: "click",
  ...extra,
});

const openSession = () => openStreamingSession(caller.headers);

const post = (id: string, body: BodyInit, headers: Record<string, string> = {}) =>
  postEvents(caller.headers, id, body, headers);

describe("streaming ingest", () => {
  it("opens a session, accepts events, counts duplicates, rejects bad items with 207 and closes with 409", async () => {
    const session = await openSession();
    expect(session.status).toBe("open");
    expect(session.storage_path).toBe(`sessions/${session.id}/`);

    const first = await post(session.id, JSON.stringify([event("a"), event("b"), event("b")]));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 1 });

    const again = await post(session.id, JSON.stringify([event("a"), event("c")]));
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 1 });

    const mixed = await post(
      session.id,
      JSON.stringify([event("d"), { timestamp: 1, type: "click" }, event("e", { type: "teleport" })]),
    );
    expect(mixed.status).toBe(207);
    const body = await mixed.json();
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      expect.objectContaining({ index: 1, id: null, code: "missing_id", field: "id" }),
      expect.objectContaining({ index: 2, id: "e", field: "type" }),
    ]);

    const ndjson = await post(
      session.id,
      `${JSON.stringify(event("f"))}\n{oops\n${JSON.stringify(event("g"))}\n`,
      {
        "content-type": "application/x-ndjson",
      },
    );
    expect(ndjson.status).toBe(207);
    expect(await ndjson.json()).toMatchObject({
      accepted: 2,
      rejected: [{ index: 1, code: "invalid_json" }],
    });

    const done = await completeStreamingSession(caller.headers, session.id);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "uploaded", event_count: 6 });

    const late = await post(session.id, JSON.stringify([event("z")]));
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toBe("application/problem+json");
  });

  it("accepts gzip and cuts off a decompression bomb at 5 MB with 413", async () => {
    const session = await openSession();
    const gz = new Blob([JSON.stringify([event("gz1"), event("gz2")])])
      .stream()
      .pipeThrough(new CompressionStream("gzip"));
    const ok = await post(session.id, await new Response(gz).arrayBuffer(), { "content-encoding": "gzip" });
    expect(await ok.json()).toEqual({ accepted: 2, duplicates: 0 });

    const zeros = new Blob([new Uint8Array(50 * 1024 * 1024)])
      .stream()
      .pipeThrough(new CompressionStream("gzip"));
    const bomb = new Uint8Array(await new Response(zeros).arrayBuffer());
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const res = await post(session.id, bomb, { "content-encoding": "gzip" });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toContain("5 MB");
  });

  it("replays the first response for a repeated Idempotency-Key", async () => {
    const session = await openSession();
    const key = { "idempotency-key": `k-${crypto.randomUUID()}` };
    const first = await post(session.id, JSON.stringify([event("i1"), event("i2")]), key);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const replay = await post(session.id, JSON.stringify([event("i1"), event("i2")]), key);
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual({ accepted: 2, duplicates: 0 });
    const fresh = await post(session.id, JSON.stringify([event("i1"), event("i2")]));
    expect(await fresh.json()).toEqual({ accepted: 0, duplicates: 2 });
  });

  it("answers 401 without a credential and 404 for another user's session", async () => {
    const session = await openSession();
    const anonymous = await callRoute(events.POST, {
      method: "POST",
      path: `/v1/sessions/${session.id}/events`,
      body: "[]",
      params: { id: session.id },
    });
    expect(anonymous.status).toBe(401);
    const other = await createTestCaller();
    const res = await callRoute(events.POST, {
      method: "POST",
      path: `/v1/sessions/${session.id}/events`,
      headers: other.headers,
      body: JSON.stringify([event("x")]),
      params: { id: session.id },
    });
    expect(res.status).toBe(404);
  });
});
