import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dataPolicy from "@/app/v1/data-policy/route";
import * as examples from "@/app/v1/examples/route";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import { getDb } from "@/db/client";
import { sumStoredBytesPerWorkspace } from "@/db/queries/pipeline-artifacts";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";
import { enforceRetention } from "./enforce-retention";

// Retention through the real API, pipeline, database and storage.

let dataDir: string;
const deps = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

type Caller = Awaited<ReturnType<typeof createTestCaller>>;

const setRetention = (caller: Caller, retention: Record<string, number | null>) =>
  callRoute(dataPolicy.PATCH, {
    method: "PATCH",
    path: "/v1/data-policy",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ retention }),
  });

async function processed(caller: Caller) {
  const form = new FormData();
  form.append("suite_id", "gmail");
  form.append("file", new File([`${gmailRecordingLines({ emails: 1 }).join("\n")}\n`], "input_events.jsonl"));
  const { id } = await (
    await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: caller.headers,
      body: form,
    })
  ).json();
  await processSession(id, directSteps, deps);
  return id as string;
}

const detail = async (caller: Caller, id: string) =>
  (
    await callRoute(sessionRoute.GET, { path: `/v1/sessions/${id}`, headers: caller.headers, params: { id } })
  ).json();

const stored = async (id: string) =>
  (await (await getObjectStore()).list(`sessions/${id}/`)).map((o) => o.key.split("/").slice(2).join("/"));

describe("retention", () => {
  it("raw 0: the recording is deleted right after processing; layers stay and an example can still be made", async () => {
    const caller = await createTestCaller();
    expect((await setRetention(caller, { raw_days: 0 })).status).toBe(200);
    const id = await processed(caller);
    const session = await detail(caller, id);
    expect(session.status).toBe("completed");
    expect(session.files).toEqual([]);
    expect(session.raw_bytes).toBe(0);
    expect(session.retention.raw_deleted_at).not.toBeNull();
    expect(session.retention.notice).toContain("Raw recording deleted after processing.");
    const keys = await stored(id);
    expect(keys.some((k) => !k.startsWith("artifacts/"))).toBe(false);
    expect(keys).toContain("artifacts/gold-actions.jsonl");

    const example = await (
      await callRoute(examples.POST, {
        method: "POST",
        path: "/v1/examples",
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify({ session_id: id }),
      })
    ).json();
    await generateExample(
      example.id,
      { userId: caller.user.id, workspaceId: caller.user.id },
      directSteps,
      deps,
    );
    expect((await (await getObjectStore()).list(`examples/${example.id}/`)).length).toBe(1);
    // Only the example's bytes are metered now.
    expect((await sumStoredBytesPerWorkspace(await getDb())).get(caller.user.id)).toBeGreaterThan(0);
  });

  it("the hourly run deletes raw recordings and layers past their days, and leaves other accounts alone", async () => {
    const caller = await createTestCaller();
    const keeper = await createTestCaller();
    const id = await processed(caller);
    const kept = await processed(keeper);
    await setRetention(caller, { raw_days: 30, derived_days: 90 });
    expect((await detail(caller, id)).retention.notice).toMatch(
      /Raw recording kept for 30 days, until \d{4}-\d\d-\d\d\./,
    );

    expect(await enforceRetention(new Date(Date.now() + 29 * 86_400_000))).toEqual({ raw: 0, derived: 0 });
    expect(await enforceRetention(new Date(Date.now() + 31 * 86_400_000))).toEqual({ raw: 1, derived: 0 });
    const afterRaw = await detail(caller, id);
    expect(afterRaw.retention.notice).toContain("Raw recording deleted after 30 days.");
    expect((await stored(id)).every((k) => k.startsWith("artifacts/"))).toBe(true);
    expect((await sumStoredBytesPerWorkspace(await getDb())).get(caller.user.id) ?? 0).toBe(0);

    expect(await enforceRetention(new Date(Date.now() + 91 * 86_400_000))).toEqual({ raw: 0, derived: 1 });
    expect(await stored(id)).toEqual([]);
    expect((await detail(caller, id)).retention.derived_deleted_at).not.toBeNull();
    // The other account set no retention: its session is whole.
    expect((await detail(keeper, kept)).files).toHaveLength(1);
    expect((await stored(kept)).length).toBeGreaterThan(1);
  });
});
