import { describe, expect, it } from "vitest";
import { createMemoryIdempotencyStore } from "@/test/helpers/memory-idempotency-store";
import { type IngestDeps, ingestEvents, type SessionState } from "./ingest-events";

// The ingest core in the edge-runtime sandbox: Web APIs only, storage injected (a Map standing in for the table).

function memoryDeps(state: SessionState = "open") {
  const stored = new Map<string, unknown>();
  const session = { state };
  const idempotency = createMemoryIdempotencyStore();
  const deps: IngestDeps = {
    getSessionStatus: async (userId) => (userId === "u1" ? session.state : undefined),
    insertBatch: async (_userId, _sessionId, events) => {
      if (session.state !== "open") return [];
      const ids: string[] = [];
      for (const event of events) {
        if (stored.has(event.id)) continue;
        stored.set(event.id, event);
        ids.push(event.id);
      }
      return ids;
    },
    idempotency,
  };
  return { deps, stored, session };
}

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("https://tracepipe.test/v1/sessions/s1/events", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
const event = (id: string) => ({ id, timestamp: 1, type: "keydown", key: "a" });

describe("ingestEvents (edge runtime)", () => {
  it("runs without Node globals", () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe("string");
  });

  it("acknowledges stored and duplicate events with 202", async () => {
    const { deps, stored } = memoryDeps();
    const res = await ingestEvents({
      request: request(JSON.stringify([event("a"), event("a"), event("b")])),
      workspaceId: "u1",
      sessionId: "s1",
      deps,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 1 });
    expect([...stored.keys()]).toEqual(["a", "b"]);
  });

  it("decompresses gzip while counting and stops a bomb with 413", async () => {
    const { deps } = memoryDeps();
    const gzip = async (bytes: Uint8Array | string) =>
      new Uint8Array(
        await new Response(
          new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip")),
        ).arrayBuffer(),
      );
    const ok = await ingestEvents({
      request: request(await gzip(JSON.stringify([event("g")])), { "content-encoding": "gzip" }),
      workspaceId: "u1",
      sessionId: "s1",
      deps,
    });
    expect(await ok.json()).toEqual({ accepted: 1, duplicates: 0 });
    const bomb = await gzip(new Uint8Array(6 * 1024 * 1024));
    await expect(
      ingestEvents({
        request: request(bomb, { "content-encoding": "gzip" }),
        workspaceId: "u1",
        sessionId: "s1",
        deps,
      }),
    ).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("rejects a non-array body, unknown sessions and closed sessions", async () => {
    const { deps, session } = memoryDeps();
    await expect(
      ingestEvents({ request: request("{}"), workspaceId: "u1", sessionId: "s1", deps }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      ingestEvents({ request: request("[]"), workspaceId: "u2", sessionId: "s1", deps }),
    ).rejects.toMatchObject({ status: 404 });
    session.state = "uploaded";
    await expect(
      ingestEvents({ request: request("[]"), workspaceId: "u1", sessionId: "s1", deps }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("reports a completion that wins the race as 409, not as duplicates", async () => {
    const { deps, session } = memoryDeps();
    const racing: IngestDeps = {
      ...deps,
      insertBatch: async (...args) => {
        session.state = "uploaded";
        return deps.insertBatch(...args);
      },
    };
    await expect(
      ingestEvents({
        request: request(JSON.stringify([event("r")])),
        workspaceId: "u1",
        sessionId: "s1",
        deps: racing,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("replays an Idempotency-Key and validates items one by one (207)", async () => {
    const { deps } = memoryDeps();
    const body = JSON.stringify([event("x"), { id: "y", timestamp: -1, type: "click" }]);
    const first = await ingestEvents({
      request: request(body, { "idempotency-key": "k1" }),
      workspaceId: "u1",
      sessionId: "s1",
      deps,
    });
    expect(first.status).toBe(207);
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 1, id: "y", field: "timestamp" }],
    });
    const replay = await ingestEvents({
      request: request(body, { "idempotency-key": "k1" }),
      workspaceId: "u1",
      sessionId: "s1",
      deps,
    });
    expect(replay.status).toBe(207);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(firstBody);
  });
});
