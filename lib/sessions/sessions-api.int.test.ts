import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const nativeJsonl = `${[1, 2, 3].map((i) => JSON.stringify({ timestamp: 1_763_726_400_000 + i, type: "click", url: "https://mail.google.com/" })).join("\n")}\n`;

function upload(
  parts: { suite?: string; files: { name: string; body: BlobPart }[]; description?: string },
  headers = caller.headers,
) {
  const form = new FormData();
  if (parts.suite) form.append("suite_id", parts.suite);
  if (parts.description) form.append("description", parts.description);
  for (const file of parts.files) form.append("file", new File([file.body], file.name));
  return callRoute(sessions.POST, { method: "POST", path: "/v1/sessions", headers, body: form });
}

describe("multipart upload", () => {
  it("stores the files under sessions/<id>/ and answers 201", async () => {
    const gz = await new Response(
      new Blob([nativeJsonl]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer();
    const res = await upload({
      suite: "gmail",
      description: "Reply to Ana",
      files: [
        { name: "input_events.jsonl", body: nativeJsonl },
        { name: "second.jsonl.gz", body: gz },
      ],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      description: "Reply to Ana",
      status: "uploaded",
      storage_path: `sessions/${body.id}/`,
    });
    const stored = await (await getObjectStore()).list(`sessions/${body.id}/`);
    expect(stored.map((o) => o.key)).toEqual([
      `sessions/${body.id}/1-input_events.jsonl`,
      `sessions/${body.id}/2-second.jsonl.gz`,
    ]);
    expect(stored[0]?.size).toBe(nativeJsonl.length);

    const detail = await callRoute(sessionRoute.GET, {
      path: `/v1/sessions/${body.id}`,
      headers: caller.headers,
      params: { id: body.id },
    });
    expect(await detail.json()).toMatchObject({
      id: body.id,
      files: [
        { file_name: "input_events.jsonl", format: "native" },
        { file_name: "second.jsonl.gz", format: "native" },
      ],
    });
  });

  it("names an unrecognised file with 415 and stores nothing", async () => {
    const res = await upload({
      suite: "gmail",
      files: [{ name: "notes.txt", body: "hello, not a recording" }],
    });
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toContain("notes.txt");
  });

  it("rejects an unknown suite with 400, a missing credential with 401 and an oversized body with 413", async () => {
    const unknown = await upload({ suite: "no-such-suite", files: [{ name: "a.jsonl", body: nativeJsonl }] });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).detail).toContain("no-such-suite");

    const anonymous = await upload(
      { suite: "gmail", files: [{ name: "a.jsonl", body: nativeJsonl }] },
      {} as typeof caller.headers,
    );
    expect(anonymous.status).toBe(401);

    const big = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: {
        ...caller.headers,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(200 * 1024 * 1024),
      },
      body: "--x--",
    });
    expect(big.status).toBe(413);
    expect((await big.json()).detail).toContain("100 MB");
  });
});

describe("reading and deleting sessions", () => {
  it("filters by suite slug and status", async () => {
    const res = await callRoute(sessions.GET, {
      path: "/v1/sessions?suite_id=gmail&status=uploaded",
      headers: caller.headers,
    });
    const body = await res.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((s: { status: string }) => s.status === "uploaded")).toBe(true);
    const bad = await callRoute(sessions.GET, {
      path: "/v1/sessions?cursor=bm90LWEtY3Vyc29y",
      headers: caller.headers,
    });
    expect(bad.status).toBe(400);
  });

  it("DELETE removes the session and its stored files", async () => {
    const res = await upload({ suite: "gmail", files: [{ name: "input_events.jsonl", body: nativeJsonl }] });
    const { id } = await res.json();
    const store = await getObjectStore();
    expect(await store.list(`sessions/${id}/`)).toHaveLength(1);
    const del = await callRoute(sessionRoute.DELETE, {
      method: "DELETE",
      path: `/v1/sessions/${id}`,
      headers: caller.headers,
      params: { id },
    });
    expect(del.status).toBe(204);
    expect(await store.list(`sessions/${id}/`)).toHaveLength(0);
    const gone = await callRoute(sessionRoute.GET, {
      path: `/v1/sessions/${id}`,
      headers: caller.headers,
      params: { id },
    });
    expect(gone.status).toBe(404);
  });
});
