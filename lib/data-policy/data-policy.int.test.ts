import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dataPolicy from "@/app/v1/data-policy/route";
import * as exampleMessages from "@/app/v1/examples/[id]/messages/route";
import * as examples from "@/app/v1/examples/route";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import * as workspaceRoute from "@/app/v1/workspace/route";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

// The data policy through the real API and database, and its redaction level through the durable pipeline.

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;
const deps = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const json = { "content-type": "application/json" };
const patch = (body: unknown, headers = caller.headers) =>
  callRoute(dataPolicy.PATCH, {
    method: "PATCH",
    path: "/v1/data-policy",
    headers: { ...headers, ...json },
    body: JSON.stringify(body),
  });
const read = async () =>
  (await callRoute(dataPolicy.GET, { path: "/v1/data-policy", headers: caller.headers })).json();

describe("data policy API", () => {
  it("defaults to standard redaction kept forever; PATCH changes only what it names and is audited", async () => {
    expect(await read()).toEqual({
      redaction: "standard",
      retention: { raw_days: null, derived_days: null },
    });
    const changed = await patch({ redaction: "strict" });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({
      redaction: "strict",
      retention: { raw_days: null, derived_days: null },
    });
    expect((await patch({ retention: { raw_days: 0 } })).status).toBe(200);
    expect(await read()).toEqual({ redaction: "strict", retention: { raw_days: 0, derived_days: null } });

    const updates = await listAuditEntries(await getDb(), {
      workspaceId: caller.user.id,
      type: "data_policy.updated",
      limit: 10,
    });
    expect(updates).toHaveLength(2);
    expect(updates.map((u) => ({ target: u.targetId, before: u.before, after: u.after }))).toContainEqual({
      target: caller.user.id,
      before: { redaction: "standard", retention: { raw_days: null, derived_days: null } },
      after: { redaction: "strict", retention: { raw_days: null, derived_days: null } },
    });
    await patch({ redaction: "standard", retention: { raw_days: null } });
  });

  it("refuses an unknown level or negative days with 422 naming the field, and a read-only key with 403", async () => {
    const bad = await patch({ redaction: "paranoid", retention: { raw_days: -1 } });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["redaction", "retention.raw_days"]));
    expect((await patch({})).status).toBe(422);
    const reader = await createTestCaller("read");
    expect((await patch({ redaction: "off" }, reader.headers)).status).toBe(403);
  });
});

describe("redaction level in the durable pipeline", () => {
  const recording = readFileSync(
    path.join(process.cwd(), "e2e/fixtures/recordings/gmail-compose-send/input_events.jsonl"),
  );

  async function uploadAndProcess() {
    const form = new FormData();
    form.append("suite_id", "gmail");
    form.append("file", new File([recording], "input_events.jsonl"));
    const created = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: caller.headers,
      body: form,
    });
    const { id } = await created.json();
    await processSession(id, directSteps, deps);
    return id as string;
  }

  it("strict: no address of the recording reaches the stored layers or the example; recipients are valid placeholders", async () => {
    await patch({ redaction: "strict" });
    const id = await uploadAndProcess();
    const detail = await (
      await callRoute(sessionRoute.GET, {
        path: `/v1/sessions/${id}`,
        headers: caller.headers,
        params: { id },
      })
    ).json();
    expect(detail.status).toBe("completed");
    expect(detail.metrics.bronze).toMatchObject({ redaction: "strict" });
    expect(detail.metrics.bronze.redactedCount).toBeGreaterThan(0);

    const store = await getObjectStore();
    const keys = artifactKeys(id);
    for (const key of [keys.bronze, keys.silver, keys.actions]) {
      const text = await new Response(await store.getStream(key)).text();
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/alice@|bob@|carol@|ada\.lovelace/i);
    }

    const example = await (
      await callRoute(examples.POST, {
        method: "POST",
        path: "/v1/examples",
        headers: { ...caller.headers, ...json },
        body: JSON.stringify({ session_id: id }),
      })
    ).json();
    await generateExample(
      example.id,
      { userId: caller.user.id, workspaceId: caller.user.id },
      directSteps,
      deps,
    );
    const messages = await (
      await callRoute(exampleMessages.GET, {
        path: `/v1/examples/${example.id}/messages`,
        headers: caller.headers,
        params: { id: example.id },
      })
    ).text();
    expect(messages).not.toMatch(/alice@|bob@|carol@|lovelace/i);
    const call = JSON.parse(messages.trim().split("\n")[0] ?? "{}")
      .messages.flatMap((m: { tool_calls?: { function: { arguments: string } }[] }) => m.tool_calls ?? [])
      .map((c: { function: { arguments: string } }) => JSON.parse(c.function.arguments))[0];
    expect(call.to).toEqual(["person2@example.com", "person3@example.com"]);
  });

  it("standard (the default): addresses are kept", async () => {
    await patch({ redaction: "standard" });
    const id = await uploadAndProcess();
    const bronze = await new Response(
      await (await getObjectStore()).getStream(artifactKeys(id).bronze),
    ).text();
    expect(bronze).toContain("alice@example.com");
  });
});

describe("the data policy under the workspace", () => {
  it("PATCH /v1/workspace { redaction, retention } sets the workspace's data policy, audited", async () => {
    const owner = await createTestCaller();
    const res = await callRoute(workspaceRoute.PATCH, {
      method: "PATCH",
      path: "/v1/workspace",
      headers: { ...owner.headers, ...json },
      body: JSON.stringify({ redaction: "strict", retention: { raw_days: 7 } }),
    });
    expect(res.status).toBe(200);
    const policy = await callRoute(dataPolicy.GET, { path: "/v1/data-policy", headers: owner.headers });
    expect(await policy.json()).toEqual({
      redaction: "strict",
      retention: { raw_days: 7, derived_days: null },
    });
    const audit = await listAuditEntries(await getDb(), {
      workspaceId: owner.user.id,
      type: "data_policy.updated",
      limit: 10,
    });
    expect(audit.length).toBeGreaterThan(0);
    const bad = await callRoute(workspaceRoute.PATCH, {
      method: "PATCH",
      path: "/v1/workspace",
      headers: { ...owner.headers, ...json },
      body: JSON.stringify({ redaction: "everything" }),
    });
    expect(bad.status).toBe(422);
  });
});
