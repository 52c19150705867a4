import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exampleRoute from "@/app/v1/examples/[id]/route";
import * as examples from "@/app/v1/examples/route";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
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

// Deleting examples and sessions through the real API: rows, stored objects and storage metering go with them.

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;
const deps = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

async function sessionWithExample() {
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
  return { sessionId: id as string, exampleId: example.id as string };
}

const del = (handler: typeof exampleRoute.DELETE, path: string, id: string, headers = caller.headers) =>
  callRoute(handler, { method: "DELETE", path, headers, params: { id } });

describe("deleting", () => {
  it("an example: its row and stored JSONL go, its bytes stop being metered, the session stays; audited", async () => {
    const { sessionId, exampleId } = await sessionWithExample();
    const store = await getObjectStore();
    expect((await store.list(`examples/${exampleId}/`)).length).toBeGreaterThan(0);
    const before = (await sumStoredBytesPerWorkspace(await getDb())).get(caller.user.id) ?? 0;

    const other = await createTestCaller();
    expect(
      (await del(exampleRoute.DELETE, `/v1/examples/${exampleId}`, exampleId, other.headers)).status,
    ).toBe(404);
    const reader = await createTestCaller("read");
    expect(
      (await del(exampleRoute.DELETE, `/v1/examples/${exampleId}`, exampleId, reader.headers)).status,
    ).toBe(403);

    expect((await del(exampleRoute.DELETE, `/v1/examples/${exampleId}`, exampleId)).status).toBe(204);
    expect(await store.list(`examples/${exampleId}/`)).toEqual([]);
    const get = await callRoute(exampleRoute.GET, {
      path: `/v1/examples/${exampleId}`,
      headers: caller.headers,
      params: { id: exampleId },
    });
    expect(get.status).toBe(404);
    const after = (await sumStoredBytesPerWorkspace(await getDb())).get(caller.user.id) ?? 0;
    expect(after).toBeLessThan(before);
    const session = await callRoute(sessionRoute.GET, {
      path: `/v1/sessions/${sessionId}`,
      headers: caller.headers,
      params: { id: sessionId },
    });
    expect(session.status).toBe(200);
    expect((await del(exampleRoute.DELETE, `/v1/examples/${exampleId}`, exampleId)).status).toBe(404);
    const [deleted] = await listAuditEntries(await getDb(), {
      workspaceId: caller.user.id,
      type: "example.deleted",
      limit: 1,
    });
    expect(deleted).toMatchObject({ targetType: "example", targetId: exampleId, metadata: { sessionId } });
  });

  it("a session: its objects, its examples' objects and every row go; nothing of it is metered; audited", async () => {
    const metered = async () => (await sumStoredBytesPerWorkspace(await getDb())).get(caller.user.id) ?? 0;
    const othersBytes = await metered();
    const { sessionId, exampleId } = await sessionWithExample();
    expect(await metered()).toBeGreaterThan(othersBytes);
    const store = await getObjectStore();
    expect((await store.list(`sessions/${sessionId}/`)).length).toBeGreaterThan(0);
    expect((await del(sessionRoute.DELETE, `/v1/sessions/${sessionId}`, sessionId)).status).toBe(204);
    expect(await store.list(`sessions/${sessionId}/`)).toEqual([]);
    expect(await store.list(`examples/${exampleId}/`)).toEqual([]);
    expect(await metered()).toBe(othersBytes);
    const [deleted] = await listAuditEntries(await getDb(), {
      workspaceId: caller.user.id,
      type: "session.deleted",
      limit: 1,
    });
    expect(deleted).toMatchObject({
      targetType: "session",
      targetId: sessionId,
      metadata: { examplesDeleted: 1 },
    });
  });
});

describe("an example deleted while it is generated", () => {
  it("leaves nothing in storage: the run removes what it wrote and stops", async () => {
    const form = new FormData();
    form.append("suite_id", "gmail");
    form.append(
      "file",
      new File([`${gmailRecordingLines({ emails: 1 }).join("\n")}\n`], "input_events.jsonl"),
    );
    const { id } = await (
      await callRoute(sessions.POST, {
        method: "POST",
        path: "/v1/sessions",
        headers: caller.headers,
        body: form,
      })
    ).json();
    await processSession(id, directSteps, deps);
    const example = await (
      await callRoute(examples.POST, {
        method: "POST",
        path: "/v1/examples",
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify({ session_id: id }),
      })
    ).json();
    // The person deletes it right after its messages were written, before the run marks it completed.
    const deletingBeforeComplete = {
      ...directSteps,
      run: async <T>(stepId: string, fn: () => Promise<T>) => {
        if (stepId === "complete")
          expect((await del(exampleRoute.DELETE, `/v1/examples/${example.id}`, example.id)).status).toBe(204);
        return fn();
      },
    };
    await expect(
      generateExample(
        example.id,
        { userId: caller.user.id, workspaceId: caller.user.id },
        deletingBeforeComplete,
        deps,
      ),
    ).rejects.toThrow(/was deleted/);
    expect(await (await getObjectStore()).list(`examples/${example.id}/`)).toEqual([]);
  });
});
