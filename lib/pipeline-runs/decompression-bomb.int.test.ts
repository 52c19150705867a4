import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionById from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { callRoute } from "@/test/helpers/call-route";
import { inflatedByteLimit } from "./inflated-byte-limit";
import { getPipelineDeps } from "./pipeline-deps";
import { failSessionRun, processSession } from "./process-session";
import { directSteps } from "./step-runner";

// A small .jsonl.gz that inflates ~1000× must stop inflating at the cap and fail its session with an error that
// the API (and the session page, which shows `error`) names; an ordinary gzip recording still processes.

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const line = `${JSON.stringify({ timestamp: 1_763_726_400_000, type: "click", url: "https://mail.google.com/", target: { tag: "div", role: "button", text: "Compose" } })}\n`;

async function gzip(text: string, times: number): Promise<Uint8Array> {
  const chunk = new TextEncoder().encode(text.repeat(1000));
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (times-- <= 0) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return new Uint8Array(
    await new Response(
      source.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>),
    ).arrayBuffer(),
  );
}

async function upload(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("suite_id", "gmail");
  form.append("file", new File([bytes as BlobPart], name));
  const res = await callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: caller.headers,
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("decompression bombs", () => {
  it("stops inflating at the ratio cap and fails the session with a clear error", async () => {
    const bomb = await gzip(line, 400); // ~50 MB of JSONL in ~200 KB (250×)
    expect(bomb.byteLength).toBeLessThan(300 * 1024);
    const id = await upload("bomb.jsonl.gz", bomb);
    const started = process.cpuUsage();
    const error = await processSession(id, directSteps, getPipelineDeps()).catch((e: unknown) => e);
    const cpuMs = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("NonRetriableError");
    expect((error as Error).message).toContain("decompression bomb");
    // The run stopped at the cap (a few MB), not after the ~50 MB the file holds.
    expect(cpuMs).toBeLessThan(20_000);
    await failSessionRun(id, error);
    const detail = await callRoute(sessionById.GET, {
      path: `/v1/sessions/${id}`,
      headers: caller.headers,
      params: { id },
    });
    const body = (await detail.json()) as { status: string; error: string };
    expect(body.status).toBe("failed");
    expect(body.error).toContain("bomb.jsonl.gz inflates to more than");
    expect(body.error).toContain("decompression bomb");
  });

  it("processes an ordinary gzip recording under the caps", async () => {
    const id = await upload("ok.jsonl.gz", await gzip(line, 2));
    await expect(processSession(id, directSteps, getPipelineDeps())).resolves.toMatchObject({
      events: 2000,
    });
  });

  it("caps by ratio for a known size and by the absolute limit otherwise", () => {
    const env = {
      TRACEPIPE_MAX_INFLATED_BYTES: 1_000_000_000,
      TRACEPIPE_MAX_INFLATE_RATIO: 100,
    } as Parameters<typeof inflatedByteLimit>[1];
    expect(inflatedByteLimit(1_100_000, env)).toBe(110_000_000);
    expect(inflatedByteLimit(100_000_000, env)).toBe(1_000_000_000);
    expect(inflatedByteLimit(undefined, env)).toBe(1_000_000_000);
    expect(inflatedByteLimit(10, env)).toBe(64 * 1024 * 100);
  });
});
