import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { markExampleCompleted } from "@/db/queries/examples";
import { insertSession } from "@/db/queries/sessions";
import { jobRuns } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";
import { relayOutboxOnce } from "@/test/helpers/relay-outbox";
import { GET as getMessages } from "./[id]/messages/route";
import { GET as getOne } from "./[id]/route";
import { GET as getCallbackSecret } from "./callback-secret/route";
import { POST as create, GET as list } from "./route";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  // LLM models are only accepted with a gateway; nothing is called here, the URL only has to be set.
  process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.LLM_BASE_URL;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

async function newSession(
  userId: string,
  suite = "gmail",
  status: "uploaded" | "completed" | "failed" = "completed",
) {
  const id = crypto.randomUUID();
  await insertSession(await getDb(), { id, workspaceId: userId, userId, suiteId: suiteId(suite), status });
  return id;
}

const post = (headers: Record<string, string>, body: unknown) =>
  callRoute(create, {
    method: "POST",
    path: "/v1/examples",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /v1/examples", () => {
  it("creates a pending example with default model and the suite's only map, and queues generation", async () => {
    const caller = await createTestCaller();
    const sessionId = await newSession(caller.user.id);
    const response = await post(caller.headers, { session_id: sessionId });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({
      object: "example",
      status: "pending",
      session_id: sessionId,
      suite_id: suiteId("gmail"),
      model_id: modelId("tracepipe-rules-1"),
      action_tool_map_id: actionToolMapId("gmail-to-gmail-mcp"),
      model_configuration: {},
      messages_url: `/v1/examples/${body.id}/messages`,
    });
    expect(response.headers.get("location")).toBe(`/v1/examples/${body.id}`);
    // The request committed the example with its event; the relay (the executor's, in the app) queues the run.
    expect(await relayOutboxOnce()).toBe(1);
    const runs = await (await getDb())
      .select({ functionId: jobRuns.functionId, event: jobRuns.event })
      .from(jobRuns)
      .where(and(eq(jobRuns.eventId, `example-requested-${body.id}`)));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.functionId).toContain("generate-example");
    expect(runs[0]?.event).toMatchObject({ name: "example/requested", data: { exampleId: body.id } });
  });

  it("accepts slugs and ids for model and map, and rejects a map of another suite", async () => {
    const caller = await createTestCaller();
    const sessionId = await newSession(caller.user.id, "github");
    const bySlug = await post(caller.headers, {
      session_id: sessionId,
      model_id: "gpt-4o",
      action_tool_map_id: "github-to-github-mcp",
      model_configuration: { temperature: 0.2 },
      callback_url: "https://example.com/hook",
    });
    expect(bySlug.status).toBe(202);
    expect(await bySlug.json()).toMatchObject({
      model_id: modelId("gpt-4o"),
      action_tool_map_id: actionToolMapId("github-to-github-mcp"),
      model_configuration: { temperature: 0.2 },
      callback_url: "https://example.com/hook",
    });
    const byId = await post(caller.headers, { session_id: sessionId, model_id: modelId("gpt-4o") });
    expect(byId.status).toBe(202);
    const wrongSuite = await post(caller.headers, {
      session_id: sessionId,
      action_tool_map_id: "gmail-to-gmail-mcp",
    });
    expect(wrongSuite.status).toBe(422);
    expect((await wrongSuite.json()).detail).toContain("not the session's suite");
    const unknownModel = await post(caller.headers, { session_id: sessionId, model_id: "gpt-99" });
    expect(unknownModel.status).toBe(422);
    delete process.env.LLM_BASE_URL;
    resetEnvCache();
    const noGateway = await post(caller.headers, { session_id: sessionId, model_id: "gpt-4o" });
    process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
    resetEnvCache();
    expect(noGateway.status).toBe(422);
    expect((await noGateway.json()).detail).toContain("none is configured");
  });

  it("validates the body, and answers 404 for an unknown session and for another workspace's, 409 for a failed one", async () => {
    const caller = await createTestCaller();
    const other = await createTestCaller();
    expect((await post(caller.headers, { session_id: "nope" })).status).toBe(422);
    expect(
      (await post(caller.headers, { session_id: crypto.randomUUID(), callback_url: "ftp://x" })).status,
    ).toBe(422);
    expect((await post(caller.headers, { session_id: crypto.randomUUID() })).status).toBe(404);
    expect((await post(caller.headers, { session_id: await newSession(other.user.id) })).status).toBe(404);
    expect(
      (await post(caller.headers, { session_id: await newSession(caller.user.id, "gmail", "failed") }))
        .status,
    ).toBe(409);
    expect((await post({}, { session_id: crypto.randomUUID() })).status).toBe(401);
    const readOnly = await createTestCaller("read");
    expect((await post(readOnly.headers, { session_id: await newSession(readOnly.user.id) })).status).toBe(
      403,
    );
  });
});

describe("POST /v1/examples with Idempotency-Key", () => {
  it("replays the first response for a retried request and creates one example", async () => {
    const caller = await createTestCaller();
    const sessionId = await newSession(caller.user.id);
    const headers = { ...caller.headers, "idempotency-key": `retry-${sessionId}` };
    const first = await post(headers, { session_id: sessionId });
    const second = await post(headers, { session_id: sessionId });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(second.headers.get("location")).toBe(`/v1/examples/${a.id}`);
    const listed = await (
      await callRoute(list, { path: `/v1/examples?session_id=${sessionId}`, headers: caller.headers })
    ).json();
    expect(listed.data).toHaveLength(1);
  });
});

describe("GET /v1/examples", () => {
  it("lists only the caller's examples, newest first, with filters and cursor pagination", async () => {
    const caller = await createTestCaller();
    const other = await createTestCaller();
    const gmail = await newSession(caller.user.id, "gmail");
    const github = await newSession(caller.user.id, "github");
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await post(caller.headers, { session_id: i < 3 ? gmail : github });
      ids.push((await response.json()).id);
    }
    await post(other.headers, { session_id: await newSession(other.user.id) });

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const path: string = `/v1/examples?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const body: { data: { id: string }[]; next_cursor: string | null; has_more: boolean } = await (
        await callRoute(list, { path, headers: caller.headers })
      ).json();
      seen.push(...body.data.map((e: { id: string }) => e.id));
      cursor = body.next_cursor;
      if (!body.has_more) break;
    }
    expect(seen).toEqual([...ids].reverse());

    const bySession = await (
      await callRoute(list, { path: `/v1/examples?session_id=${github}`, headers: caller.headers })
    ).json();
    expect(bySession.data.map((e: { id: string }) => e.id).sort()).toEqual(ids.slice(3).sort());
    const bySuite = await (
      await callRoute(list, { path: "/v1/examples?suite_id=gmail", headers: caller.headers })
    ).json();
    expect(bySuite.data).toHaveLength(3);
    const bySuiteId = await (
      await callRoute(list, { path: `/v1/examples?suite_id=${suiteId("github")}`, headers: caller.headers })
    ).json();
    expect(bySuiteId.data).toHaveLength(2);
    const byModel = await (
      await callRoute(list, { path: "/v1/examples?model_id=gpt-4o", headers: caller.headers })
    ).json();
    expect(byModel.data).toHaveLength(0);
    const badCursor = await callRoute(list, { path: "/v1/examples?cursor=zzz", headers: caller.headers });
    expect(badCursor.status).toBe(400);
  });
});

describe("GET /v1/examples/{id} and /messages", () => {
  it("returns the example, 404 for unknown and for another workspace's; messages stream once completed", async () => {
    const caller = await createTestCaller();
    const other = await createTestCaller();
    const created = await (
      await post(caller.headers, { session_id: await newSession(caller.user.id) })
    ).json();
    const params = { id: created.id };

    const one = await callRoute(getOne, {
      path: `/v1/examples/${created.id}`,
      headers: caller.headers,
      params,
    });
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(created.id);
    const missing = crypto.randomUUID();
    expect(
      (await callRoute(getOne, { path: "/x", headers: caller.headers, params: { id: missing } })).status,
    ).toBe(404);
    expect(
      (await callRoute(getOne, { path: "/x", headers: caller.headers, params: { id: "not-a-uuid" } })).status,
    ).toBe(404);
    expect((await callRoute(getOne, { path: "/x", headers: other.headers, params })).status).toBe(404);

    const pending = await callRoute(getMessages, { path: "/x", headers: caller.headers, params });
    expect(pending.status).toBe(409);

    const jsonl =
      '{"messages":[{"role":"user","content":"a"}]}\n{"messages":[{"role":"user","content":"b"}]}\n';
    const key = `examples/${created.id}/messages.jsonl`;
    const stored = await (await getObjectStore()).put(key, jsonl);
    await markExampleCompleted(await getDb(), created.id, {
      storagePath: key,
      recordCount: 2,
      sizeBytes: stored.size,
    });
    const messages = await callRoute(getMessages, { path: "/x", headers: caller.headers, params });
    expect(messages.status).toBe(200);
    expect(messages.headers.get("content-type")).toContain("application/x-ndjson");
    expect(await messages.text()).toBe(jsonl);
    expect((await callRoute(getMessages, { path: "/x", headers: other.headers, params })).status).toBe(404);
  });

  it("gives each user a distinct, stable callback secret", async () => {
    const a = await createTestCaller();
    const b = await createTestCaller();
    const secretOf = async (headers: Record<string, string>) =>
      (await (await callRoute(getCallbackSecret, { path: "/x", headers })).json()).secret;
    const first = await secretOf(a.headers);
    expect(first).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(await secretOf(a.headers)).toBe(first);
    expect(await secretOf(b.headers)).not.toBe(first);
  });
});
