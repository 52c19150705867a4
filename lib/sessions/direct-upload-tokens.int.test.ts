import { eq, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionById from "@/app/v1/sessions/[id]/route";
import * as put from "@/app/v1/uploads/[token]/route";
import * as complete from "@/app/v1/uploads/complete/route";
import * as begin from "@/app/v1/uploads/route";
import { getDb } from "@/db/client";
import { directUploadFiles, sessionFiles, sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller } from "@/db/test-factories";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps, type StepRunner } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

// Direct-upload tokens are single-use per file, files are immutable once uploaded, a completion lists each key
// once, and deleting a session (even while its pipeline runs) leaves nothing in storage or the database.

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;
let fullHeaders: Record<string, string>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller("ingest");
  fullHeaders = { authorization: `Bearer ${(await createTestApiKey(caller.user.id, "full")).secret}` };
});
afterAll(() => closeTestDatabase(dataDir));

const line = (i: number) =>
  `${JSON.stringify({ timestamp: 1_763_726_400_000 + i * 40, type: "click", url: "https://mail.google.com/", target: { tag: "div", role: "button", text: `Item ${i}` } })}\n`;
const recording = Array.from({ length: 300 }, (_, i) => line(i)).join("");
const other = Array.from({ length: 5 }, (_, i) => line(1000 + i)).join("");

async function start(fileNames: string[], size = recording.length) {
  const res = await callRoute(begin.POST, {
    method: "POST",
    path: "/v1/uploads",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ files: fileNames.map((file_name) => ({ file_name, size_bytes: size })) }),
  });
  expect(res.status).toBe(201);
  return res.json() as Promise<{
    session_id: string;
    session_token: string;
    uploads: { file_name: string; key: string; upload_url: string }[];
  }>;
}

const putBytes = (url: string, body: BodyInit) =>
  callRoute(put.PUT, { method: "PUT", path: url, body, params: { token: url.split("/").pop() ?? "" } });

const finish = (body: object) =>
  callRoute(complete.POST, {
    method: "POST",
    path: "/v1/uploads/complete",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const readObject = async (key: string) => {
  const stream = await (await getObjectStore()).getStream(key);
  return stream ? new Response(stream).text() : undefined;
};

async function uploadedSession() {
  const plan = await start(["input_events.jsonl"]);
  const upload = plan.uploads[0];
  if (!upload) throw new Error("no upload slot");
  expect((await putBytes(upload.upload_url, recording)).status).toBe(200);
  const done = await finish({
    session_token: plan.session_token,
    suite_id: "gmail",
    files: [{ key: upload.key, file_name: upload.file_name }],
  });
  expect(done.status).toBe(201);
  return { plan, upload };
}

async function leftovers(sessionId: string, keys: string[]) {
  const db = await getDb();
  const [row] = await db
    .select({
      sessions: sql<number>`(select count(*)::int from ${sessions} where ${sessions.id} = ${sessionId})`,
      files: sql<number>`(select count(*)::int from ${sessionFiles} where ${sessionFiles.sessionId} = ${sessionId})`,
    })
    .from(sql`(select 1) as one`);
  const reservations = await db
    .select({ key: directUploadFiles.storageKey })
    .from(directUploadFiles)
    .where(
      or(eq(directUploadFiles.sessionId, sessionId), ...keys.map((k) => eq(directUploadFiles.storageKey, k))),
    );
  const objects = (await (await getObjectStore()).list(`sessions/${sessionId}/`)).map((o) => o.key);
  return { ...row, reservations: reservations.length, objects };
}

describe("direct-upload tokens", () => {
  it("are single-use per file: a second PUT before completion is a 409 and the first bytes stay", async () => {
    const plan = await start(["a.jsonl"]);
    const upload = plan.uploads[0];
    if (!upload) throw new Error("no upload slot");
    expect((await putBytes(upload.upload_url, recording)).status).toBe(200);
    const again = await putBytes(upload.upload_url, other);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await readObject(upload.key)).toBe(recording);
  });

  it("cannot replace a completed, processed recording (409)", async () => {
    const { plan, upload } = await uploadedSession();
    await processSession(plan.session_id, directSteps, getPipelineDeps());
    const replaced = await putBytes(upload.upload_url, other);
    expect(replaced.status).toBe(409);
    expect(await readObject(upload.key)).toBe(recording);
  });

  it("cannot write after the session was deleted (404) and leaves no orphan", async () => {
    const { plan, upload } = await uploadedSession();
    const deleted = await callRoute(sessionById.DELETE, {
      method: "DELETE",
      path: `/v1/sessions/${plan.session_id}`,
      headers: fullHeaders,
      params: { id: plan.session_id },
    });
    expect(deleted.status).toBe(204);
    const late = await putBytes(upload.upload_url, other);
    expect(late.status).toBe(404);
    expect(await leftovers(plan.session_id, [upload.key])).toEqual({
      sessions: 0,
      files: 0,
      reservations: 0,
      objects: [],
    });
  });

  it("refuses a key listed twice on completion (422) and creates nothing", async () => {
    const plan = await start(["a.jsonl"]);
    const upload = plan.uploads[0];
    if (!upload) throw new Error("no upload slot");
    expect((await putBytes(upload.upload_url, recording)).status).toBe(200);
    const twice = await finish({
      session_token: plan.session_token,
      suite_id: "gmail",
      files: [
        { key: upload.key, file_name: "a.jsonl" },
        { key: upload.key, file_name: "a.jsonl" },
      ],
    });
    expect(twice.status).toBe(422);
    const problem = (await twice.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain("files.1.key");
    expect((await leftovers(plan.session_id, [])).sessions).toBe(0);

    // A completion runs once: the second one finds its files consumed.
    const body = {
      session_token: plan.session_token,
      suite_id: "gmail",
      files: [{ key: upload.key, file_name: "a.jsonl" }],
    };
    expect((await finish(body)).status).toBe(201);
    expect((await finish(body)).status).toBe(409);
  });

  it("deleting a session while its pipeline runs cancels the run and removes objects, artifacts and rows", async () => {
    const { plan, upload } = await uploadedSession();
    let deletedStatus = 0;
    // The deletion lands while the silver step runs, after bronze has written its artifacts.
    const steps: StepRunner = {
      ...directSteps,
      run: async (id, fn) => {
        if (id !== "silver") return fn();
        const deletion = callRoute(sessionById.DELETE, {
          method: "DELETE",
          path: `/v1/sessions/${plan.session_id}`,
          headers: fullHeaders,
          params: { id: plan.session_id },
        }).then((response) => {
          deletedStatus = response.status;
        });
        const [result] = await Promise.allSettled([fn(), deletion]);
        if (result.status === "rejected") throw result.reason;
        return result.value;
      },
    };
    await expect(processSession(plan.session_id, steps, getPipelineDeps())).rejects.toThrow(/deleted/);
    expect(deletedStatus).toBe(204);
    expect(await leftovers(plan.session_id, [upload.key])).toEqual({
      sessions: 0,
      files: 0,
      reservations: 0,
      objects: [],
    });
  });
});
