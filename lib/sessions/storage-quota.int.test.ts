import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessions from "@/app/v1/sessions/route";
import * as begin from "@/app/v1/uploads/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { resetEnvCache } from "@/lib/env";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

// The per-account storage quota: an upload that would pass it is a 413 `storage_quota_exceeded` problem naming
// the quota and the bytes in use, and stores nothing; other accounts are unaffected.

const QUOTA = 20_000;
let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  process.env.TRACEPIPE_STORAGE_QUOTA_BYTES = String(QUOTA);
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(async () => {
  delete process.env.TRACEPIPE_STORAGE_QUOTA_BYTES;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

const recording = (bytes: number) => {
  const line = `${JSON.stringify({ timestamp: 1_763_726_400_000, type: "click", url: "https://mail.google.com/" })}\n`;
  return `${line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes - 1)}\n`;
};

function upload(bytes: number, headers = caller.headers) {
  const form = new FormData();
  form.append("suite_id", "gmail");
  form.append("file", new File([recording(bytes)], "input_events.jsonl"));
  return callRoute(sessions.POST, { method: "POST", path: "/v1/sessions", headers, body: form });
}

describe("storage quota per account", () => {
  it("accepts uploads up to the quota and refuses the one past it with 413", async () => {
    expect((await upload(12_000)).status).toBe(201);
    const store = await getObjectStore();
    const before = (await store.list("sessions/")).length;
    const refused = await upload(12_000);
    expect(refused.status).toBe(413);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await refused.json()) as {
      type: string;
      quota_bytes: number;
      used_bytes: number;
      detail: string;
    };
    expect(problem.type).toBe("https://tracepipe.dev/problems/storage_quota_exceeded");
    expect(problem.quota_bytes).toBe(QUOTA);
    expect(problem.used_bytes).toBe(12_000);
    expect(problem.detail).toContain("storage quota");
    expect((await store.list("sessions/")).length).toBe(before);
  });

  it("refuses a direct upload whose declared size passes the quota, before any byte is sent", async () => {
    const res = await callRoute(begin.POST, {
      method: "POST",
      path: "/v1/uploads",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ files: [{ file_name: "big.jsonl", size_bytes: 9_000 }] }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { type: string }).type).toContain("storage_quota_exceeded");
  });

  it("counts each account on its own", async () => {
    const other = await createTestCaller();
    expect((await upload(12_000, other.headers)).status).toBe(201);
  });
});
