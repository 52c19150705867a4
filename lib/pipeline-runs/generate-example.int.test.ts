import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findExampleById, insertExample } from "@/db/queries/examples";
import { listUsageRecordsForWorkspace } from "@/db/queries/usage-records";
import { examples, sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { type FakeOpenAiServer, startOpenAiCompatibleServer } from "@/test/fakes/openai-compatible-server";
import { gmailRecordingLines } from "../../test/helpers/gmail-recording";
import { generateExample, SESSION_WAIT } from "./generate-example";
import { getPipelineDeps } from "./pipeline-deps";
import { processSession } from "./process-session";
import { directSteps, type StepRunner } from "./step-runner";

// generate-example's steps run inline (directSteps): waiting for the session, LLM token accounting through a
// server speaking the OpenAI protocol, and idempotency of a re-driven run.

let dataDir: string;
let gateway: FakeOpenAiServer;
const stages = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  gateway = await startOpenAiCompatibleServer({
    apiKey: "sk-test",
    respond: () => "Email Bob the quarterly report with a short note about the attached numbers.",
  });
});
afterAll(async () => {
  await gateway?.close();
  delete process.env.LLM_BASE_URL;
  delete process.env.LLM_API_KEY;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

async function uploadedSession(userId: string, emails: number) {
  const sessionId = crypto.randomUUID();
  const key = `sessions/${sessionId}/input_events.jsonl`;
  const stored = await (await getObjectStore()).put(key, `${gmailRecordingLines({ emails }).join("\n")}\n`);
  await createUploadedSession({
    sessionId,
    actor: personalActor(userId),
    suiteId: suiteId("gmail"),
    files: [{ fileName: "input_events.jsonl", storageKey: key, sizeBytes: stored.size, format: "native" }],
  });
  return sessionId;
}

const newExample = async (userId: string, sessionId: string, model = "tracepipe-rules-1") =>
  insertExample(await getDb(), {
    workspaceId: userId,
    userId,
    sessionId,
    modelId: modelId(model),
    actionToolMapId: actionToolMapId("gmail-to-gmail-mcp"),
    modelConfiguration: { temperature: 0 },
    callbackUrl: null,
  });

describe("generateExample", () => {
  it("writes instructions through the LLM gateway, records tokens per model once, even when re-driven", async () => {
    const caller = await createTestCaller();
    const sessionId = await uploadedSession(caller.user.id, 2);
    await processSession(sessionId, directSteps, stages);
    process.env.LLM_BASE_URL = gateway.url;
    process.env.LLM_API_KEY = "sk-test";
    resetEnvCache();
    const example = await newExample(caller.user.id, sessionId, "gpt-4o");

    const result = await generateExample(example.id, personalActor(caller.user.id), directSteps, stages);
    expect(result).toMatchObject({ skipped: false, records: 2 });
    expect(gateway.requests.length).toBeGreaterThanOrEqual(2);
    expect(gateway.requests.every((r) => r.model === "gpt-4o" && r.temperature === 0)).toBe(true);
    const usage = async () =>
      (
        await listUsageRecordsForWorkspace(await getDb(), {
          workspaceId: caller.user.id,
          subject: `example:${example.id}`,
        })
      )
        .map((u) => ({ kind: u.kind, quantity: u.quantity, modelId: u.modelId }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
    const first = await usage();
    expect(first.map((u) => u.kind)).toEqual(["examples_generated", "input_tokens", "output_tokens"]);
    expect(first.every((u) => u.modelId === modelId("gpt-4o") && u.quantity > 0)).toBe(true);
    const outputTokens = first.find((u) => u.kind === "output_tokens")?.quantity;
    // The fake counts words: 13 per answer.
    expect(outputTokens).toBe(13 * gateway.requests.length);

    // A crash after usage was recorded but before completion: the re-driven run regenerates the same object and
    // records nothing new.
    await (await getDb()).update(examples).set({ status: "processing" }).where(eq(examples.id, example.id));
    await generateExample(example.id, personalActor(caller.user.id), directSteps, stages);
    expect(await usage()).toEqual(first);
    const objects = await (await getObjectStore()).list(`examples/${example.id}/`);
    expect(objects.map((o) => o.key)).toEqual([`examples/${example.id}/messages.jsonl`]);
    expect((await findExampleById(await getDb(), example.id))?.status).toBe("completed");
  });

  it("waits for a session that is still processing and proceeds once it completes", async () => {
    const caller = await createTestCaller();
    const sessionId = await uploadedSession(caller.user.id, 1);
    const example = await newExample(caller.user.id, sessionId);
    const sleeps: string[] = [];
    const steps: StepRunner = {
      run: (_id, fn) => fn(),
      sleep: async (id) => {
        sleeps.push(id);
        // The pipeline finishes while the example sleeps.
        if (sleeps.length === 2) await processSession(sessionId, directSteps, stages);
      },
    };
    const result = await generateExample(example.id, personalActor(caller.user.id), steps, stages);
    expect(sleeps).toEqual(["wait-for-session-0", "wait-for-session-1"]);
    expect(result).toMatchObject({ skipped: false, records: 1 });
  });

  it("fails clearly when the session never completes or has failed", async () => {
    const caller = await createTestCaller();
    const sessionId = await uploadedSession(caller.user.id, 1);
    const stuck = await newExample(caller.user.id, sessionId);
    let sleeps = 0;
    const counting: StepRunner = {
      run: (_id, fn) => fn(),
      sleep: async () => {
        sleeps += 1;
      },
    };
    await expect(generateExample(stuck.id, personalActor(caller.user.id), counting, stages)).rejects.toThrow(
      "Its session was still uploaded after waiting; request the example again later",
    );
    expect(sleeps).toBe(SESSION_WAIT.checks - 1);

    await (await getDb())
      .update(sessions)
      .set({ status: "failed", error: "Processing failed: bad file" })
      .where(eq(sessions.id, sessionId));
    const doomed = await newExample(caller.user.id, sessionId);
    await expect(
      generateExample(doomed.id, personalActor(caller.user.id), directSteps, stages),
    ).rejects.toThrow("Its session failed to process: Processing failed: bad file");
  });
});
