import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as put from "@/app/v1/uploads/[token]/route";
import * as complete from "@/app/v1/uploads/complete/route";
import * as begin from "@/app/v1/uploads/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller("ingest");
});
afterAll(() => closeTestDatabase(dataDir));

const recording = `${JSON.stringify({ timestamp: 1, type: "click" })}\n`.repeat(1000);

async function start(files: { file_name: string; size_bytes: number }[]) {
  const res = await callRoute(begin.POST, {
    method: "POST",
    path: "/v1/uploads",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ files }),
  });
  expect(res.status).toBe(201);
  return res.json() as Promise<{
    session_id: string;
    session_token: string;
    mode: string;
    uploads: { file_name: string; key: string; upload_url: string }[];
  }>;
}

const putBytes = (url: string, body: BodyInit) => {
  const token = url.split("/").pop() ?? "";
  return callRoute(put.PUT, { method: "PUT", path: url, body, params: { token } });
};

const finish = (body: object) =>
  callRoute(complete.POST, {
    method: "POST",
    path: "/v1/uploads/complete",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("direct upload (local storage)", () => {
  it("reserves, streams the bytes with PUT and creates the session on completion", async () => {
    const plan = await start([{ file_name: "input_events.jsonl", size_bytes: recording.length }]);
    expect(plan.mode).toBe("local");
    const upload = plan.uploads[0];
    if (!upload) throw new Error("no upload slot");
    const stream = new Blob([recording]).stream();
    const stored = await putBytes(upload.upload_url, stream);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ key: upload.key, size_bytes: recording.length });

    const res = await finish({
      session_token: plan.session_token,
      suite_id: "google-calendar",
      files: [{ key: upload.key, file_name: "input_events.jsonl" }],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: plan.session_id, status: "uploaded" });
  });

  it("cuts off a body larger than reserved (413) and refuses a forged token (401)", async () => {
    const plan = await start([{ file_name: "a.jsonl", size_bytes: 100 }]);
    const upload = plan.uploads[0];
    if (!upload) throw new Error("no upload slot");
    const res = await putBytes(upload.upload_url, new Blob([recording]).stream());
    expect(res.status).toBe(413);
    expect(await (await getObjectStore()).head(upload.key)).toBeUndefined();

    const forged = `${upload.upload_url.slice(0, -4)}AAAA`;
    expect((await putBytes(forged, "x")).status).toBe(401);
  });

  it("names an unrecognised file on completion (415) and rejects keys it did not reserve", async () => {
    const plan = await start([{ file_name: "photo.png", size_bytes: 8 }]);
    const upload = plan.uploads[0];
    if (!upload) throw new Error("no upload slot");
    await putBytes(upload.upload_url, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const foreign = await finish({
      session_token: plan.session_token,
      suite_id: "gmail",
      files: [{ key: "sessions/x/1-a", file_name: "a" }],
    });
    expect(foreign.status).toBe(400);
    const res = await finish({
      session_token: plan.session_token,
      suite_id: "gmail",
      files: [{ key: upload.key, file_name: "photo.png" }],
    });
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toContain("photo.png");
  });
});
