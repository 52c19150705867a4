import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessages } from "@/app/v1/examples/[id]/messages/route";
import { GET as getExample } from "@/app/v1/examples/[id]/route";
import { POST as createExample } from "@/app/v1/examples/route";
import { GET as getTimeline } from "@/app/v1/sessions/[id]/timeline/route";
import { getDb } from "@/db/client";
import { listUsageRecordsForWorkspace } from "@/db/queries/usage-records";
import { sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getCallbackSecret } from "@/lib/callbacks/callback-secret";
import { verifyCallbackSignature } from "@/lib/callbacks/sign-callback";
import { modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { timelineIndexPrefix, timelineManifestKey } from "@/lib/explorer/build-timeline-index";
import type { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { waitForEventRuns } from "@/lib/jobs/wait-for-job-runs";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { collectJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { startAppExecutor } from "@/test/helpers/app-executor";
import { callRoute } from "@/test/helpers/call-route";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";

// The product path end to end through the real embedded executor: upload → process-session → POST /v1/examples
// → generate-example → deliver-callback (to a real local receiver) → GET messages.

const callbacks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    callbacks.push({ headers: request.headers, body });
    response.writeHead(204).end();
  });
});

let dataDir: string;
let executor: EmbeddedExecutor;
let receiverUrl: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES = "1";
  resetEnvCache();
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tracepipe`;
  executor = await startAppExecutor();
});

afterAll(async () => {
  await executor?.stop();
  await new Promise((resolve) => receiver.close(resolve));
  delete process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

async function uploadGmailSession(userId: string, lines: string[]) {
  const sessionId = crypto.randomUUID();
  const storageKey = `sessions/${sessionId}/input_events.jsonl`;
  const stored = await (await getObjectStore()).put(storageKey, `${lines.join("\n")}\n`);
  await createUploadedSession({
    sessionId,
    actor: personalActor(userId),
    suiteId: suiteId("gmail"),
    files: [{ fileName: "input_events.jsonl", storageKey, sizeBytes: stored.size, format: "native" }],
  });
  return sessionId;
}

describe("product flow on the embedded executor", () => {
  it("turns an uploaded native recording into a downloadable example and a signed callback", async () => {
    const caller = await createTestCaller();
    const db = await getDb();
    const sessionId = await uploadGmailSession(
      caller.user.id,
      gmailRecordingLines({ emails: 2, scrollNoise: 5 }),
    );

    const [processRun] = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 60_000 });
    expect(processRun?.status).toBe("completed");
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session).toMatchObject({
      status: "completed",
      eventCount: 1 + 2 * 15,
      actionCount: 2,
      error: null,
    });
    expect(session?.interactionCount).toBeGreaterThan(2);
    const metrics = session?.metrics as Record<string, unknown>;
    expect(metrics).toMatchObject({
      events: { bronze: 31, gold: 2 },
      formats: ["native"],
      timezone: "Europe/Berlin",
      confidence: { needsReview: 0 },
    });
    expect(Object.keys(metrics.stagesMs as object).sort()).toEqual(["bronze", "gold", "silver"]);
    expect(metrics.mergeRatios).toHaveProperty("type");
    expect(metrics.mergeRatios).toHaveProperty("scroll");

    const created = await callRoute(createExample, {
      method: "POST",
      path: "/v1/examples",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ session_id: sessionId, callback_url: receiverUrl }),
    });
    expect(created.status).toBe(202);
    const example = await created.json();
    expect(example.status).toBe("pending");

    const [generateRun] = await waitForEventRuns(db, `example-requested-${example.id}`, {
      timeoutMs: 60_000,
    });
    expect(generateRun?.status).toBe("completed");
    const [callbackRun] = await waitForEventRuns(db, `example-finished-${example.id}-completed`, {
      timeoutMs: 30_000,
    });
    expect(callbackRun?.status).toBe("completed");

    const params = { id: example.id };
    const done = await (await callRoute(getExample, { path: "/x", headers: caller.headers, params })).json();
    expect(done).toMatchObject({ status: "completed", record_count: 2, error: null });
    expect(done.size_bytes).toBeGreaterThan(0);

    const messages = await callRoute(getMessages, { path: "/x", headers: caller.headers, params });
    expect(messages.headers.get("content-type")).toContain("application/x-ndjson");
    const records = (await messages.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(2);
    const call = records[0].messages.at(-1).tool_calls[0].function;
    expect(call.name).toBe("send_email");
    expect(JSON.parse(call.arguments)).toEqual({
      to: ["bob0@example.com"],
      subject: "Quarterly report 0",
      body: "Hi Bob, the numbers for 0 are attached.",
    });

    expect(callbacks).toHaveLength(1);
    const [delivery] = callbacks;
    const signature = String(delivery?.headers["tracepipe-signature"]);
    expect(verifyCallbackSignature(getCallbackSecret(caller.user.id), delivery?.body ?? "", signature)).toBe(
      true,
    );
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({
      type: "example.completed",
      data: { id: example.id, status: "completed", record_count: 2 },
    });

    const usage = await listUsageRecordsForWorkspace(db, {
      workspaceId: caller.user.id,
      subject: `example:${example.id}`,
    });
    expect(usage).toEqual([
      expect.objectContaining({
        kind: "examples_generated",
        quantity: 2,
        modelId: modelId("tracepipe-rules-1"),
      }),
    ]);

    // The explorer pages through each layer; nobody else can.
    const timeline = async (query: string, headers = caller.headers) =>
      callRoute(getTimeline, {
        path: `/v1/sessions/${sessionId}/timeline?${query}`,
        headers,
        params: { id: sessionId },
      });
    const first = await (await timeline("layer=events&limit=10")).json();
    expect(first.data.map((d: { seq: number }) => d.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.data[0].item).toMatchObject({ type: "meta", timezone: "Europe/Berlin" });
    expect(first).toMatchObject({ has_more: true, next_after: 9 });
    const last = await (await timeline("layer=events&limit=10&after=29")).json();
    expect(last).toMatchObject({ has_more: false, next_after: null });
    expect(last.data.map((d: { seq: number }) => d.seq)).toEqual([30]);
    const fromTs = first.data[5].item.ts;
    const ranged = await (await timeline(`layer=events&from_ts=${fromTs}&to_ts=${fromTs + 800}`)).json();
    expect(ranged.data.map((d: { item: { ts: number } }) => d.item.ts)).toEqual([fromTs, fromTs + 400]);
    const goldPage = await (await timeline("layer=actions")).json();
    expect(goldPage.data.map((d: { item: { slug: string } }) => d.item.slug)).toEqual([
      "compose_email",
      "compose_email",
    ]);
    expect((await timeline("layer=interactions&limit=1000")).status).toBe(200);
    expect((await timeline("layer=nope")).status).toBe(422);
    const stranger = await createTestCaller();
    expect((await timeline("layer=events", stranger.headers)).status).toBe(404);

    // Re-driving both runs changes nothing visible: same artifact keys, no second usage record, example kept.
    const stages = getPipelineDeps();
    await processSession(sessionId, directSteps, stages);
    const actions = await collectJsonlArtifact(artifactKeys(sessionId).actions);
    expect(actions).toHaveLength(2);
    const artifacts = (await (await getObjectStore()).list(`sessions/${sessionId}/artifacts/`)).map(
      (a) => a.key,
    );
    // The pipeline's artifacts, and beside them the explorer's per-zoom index (its own folder, manifest last).
    const index = timelineIndexPrefix(sessionId);
    expect(artifacts.filter((key) => !key.startsWith(index)).sort()).toEqual(
      Object.values(artifactKeys(sessionId)).sort(),
    );
    expect(artifacts).toContain(timelineManifestKey(sessionId));
    expect(
      await generateExample(example.id, personalActor(caller.user.id), directSteps, stages),
    ).toMatchObject({
      skipped: true,
    });
    expect(
      await listUsageRecordsForWorkspace(db, {
        workspaceId: caller.user.id,
        subject: `example:${example.id}`,
      }),
    ).toHaveLength(1);
  });

  it("marks a session failed with a readable error when its recording is unusable", async () => {
    const caller = await createTestCaller();
    const db = await getDb();
    const sessionId = crypto.randomUUID();
    await createUploadedSession({
      sessionId,
      actor: personalActor(caller.user.id),
      suiteId: suiteId("gmail"),
      files: [
        {
          fileName: "gone.jsonl",
          storageKey: `sessions/${sessionId}/gone.jsonl`,
          sizeBytes: 10,
          format: "native",
        },
      ],
    });
    const [run] = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 60_000 });
    expect(run?.status).toBe("failed");
    const [failureRun] = await waitForEventRuns(db, `failure-${run?.id}`, { timeoutMs: 30_000 });
    expect(failureRun?.status).toBe("completed");
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session?.status).toBe("failed");
    expect(session?.error).toBe(
      `Processing failed: Raw file gone.jsonl of session ${sessionId} is missing from storage`,
    );

    // An example requested for the failed session is refused up front.
    const response = await callRoute(createExample, {
      method: "POST",
      path: "/v1/examples",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ session_id: sessionId }),
    });
    expect(response.status).toBe(409);
    const timeline = await callRoute(getTimeline, {
      path: `/v1/sessions/${sessionId}/timeline`,
      headers: caller.headers,
      params: { id: sessionId },
    });
    expect(timeline.status).toBe(409);
  });

  it("fails an example whose LLM gateway is unreachable after its retries, and calls back with example.failed", async () => {
    const caller = await createTestCaller();
    const db = await getDb();
    const sessionId = await uploadGmailSession(caller.user.id, gmailRecordingLines({ emails: 1 }));
    await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 60_000 });
    // Port 9 (discard) has no listener here: every request is refused.
    process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
    resetEnvCache();
    try {
      const created = await callRoute(createExample, {
        method: "POST",
        path: "/v1/examples",
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify({ session_id: sessionId, model_id: "gpt-4o", callback_url: receiverUrl }),
      });
      expect(created.status).toBe(202);
      const example = await created.json();
      const [run] = await waitForEventRuns(db, `example-requested-${example.id}`, { timeoutMs: 60_000 });
      expect(run?.status).toBe("failed");
      await waitForEventRuns(db, `failure-${run?.id}`, { timeoutMs: 30_000 });
      const [delivery] = await waitForEventRuns(db, `example-finished-${example.id}-failed`, {
        timeoutMs: 30_000,
      });
      expect(delivery?.status).toBe("completed");
      const failed = await (
        await callRoute(getExample, { path: "/x", headers: caller.headers, params: { id: example.id } })
      ).json();
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/fetch failed|ECONNREFUSED/);
      const callback = callbacks.find((c) => JSON.parse(c.body).data.id === example.id);
      expect(JSON.parse(callback?.body ?? "{}")).toMatchObject({
        type: "example.failed",
        data: { status: "failed" },
      });
      expect(
        await listUsageRecordsForWorkspace(db, {
          workspaceId: caller.user.id,
          subject: `example:${example.id}`,
        }),
      ).toEqual([]);
    } finally {
      delete process.env.LLM_BASE_URL;
      resetEnvCache();
    }
  });
});
