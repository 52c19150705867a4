import { describe, expect, it } from "vitest";
import { createMemoryIdempotencyStore } from "@/test/helpers/memory-idempotency-store";
import { runInEdgeSandbox } from "@/test/helpers/run-in-edge-sandbox";
import type { IngestDeps, ingestEvents } from "./ingest-events";

// The ingest core bundled for the edge (esbuild rejects any Node built-in in its import graph) and run in
// EdgeVM, with its storage passed in from outside as the app passes the database.

describe("ingest core in the edge sandbox", () => {
  it("bundles without Node built-ins and stores, deduplicates and limits events", async () => {
    const stored = new Map<string, unknown>();
    const deps: IngestDeps = {
      getSessionStatus: async () => "open",
      insertBatch: async (_u, _s, events) => {
        const ids = events.map((e) => e.id).filter((id) => !stored.has(id));
        for (const id of ids) stored.set(id, true);
        return [...new Set(ids)];
      },
      idempotency: createMemoryIdempotencyStore(),
    };
    const sandbox = await runInEdgeSandbox("lib/ingest/ingest-events.ts", {
      // EdgeVM 5 lacks DecompressionStream, which Next's and Vercel's edge runtimes provide (Compression Streams).
      globals: { DecompressionStream },
      handler: (m) => async (request: Request) => {
        try {
          return await (m.ingestEvents as typeof ingestEvents)({
            request,
            workspaceId: "u1",
            sessionId: "s1",
            deps,
          });
        } catch (error) {
          const status = (error as { status?: number }).status ?? 500;
          return Response.json({ detail: (error as Error).message }, { status });
        }
      },
    });
    expect(sandbox.inputs).toContain("lib/ingest/ingest-events.ts");
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      sandbox.fetch(
        new Request("http://edge.test/v1/sessions/s1/events", {
          method: "POST",
          body,
          headers: { "content-type": "application/json", ...headers },
        }),
      );

    const events = JSON.stringify([1, 2, 2].map((i) => ({ id: `e${i}`, timestamp: i, type: "click" })));
    const ok = await post(events);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ accepted: 2, duplicates: 1 });

    const bomb = new Uint8Array(
      await new Response(
        new Blob([new Uint8Array(6 * 1024 * 1024)]).stream().pipeThrough(new CompressionStream("gzip")),
      ).arrayBuffer(),
    );
    const limited = await post(bomb, { "content-encoding": "gzip" });
    expect(await limited.clone().text()).toContain("5 MB");
    expect(limited.status).toBe(413);
    expect(stored.size).toBe(2);
  });
});
