import { personalActor } from "@/lib/workspaces/personal-workspace";
/**
 * Measures process-session and generate-example on a generated Gmail recording, step by step, against a fresh
 * database (PGlite in a temp folder, or DATABASE_URL): `npx tsx scripts/bench/measure-process-session.ts [events]`.
 */

import { getDb } from "@/db/client";
import { insertExample } from "@/db/queries/examples";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { generateExample } from "../../lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "../../lib/pipeline-runs/pipeline-deps";
import { processSession } from "../../lib/pipeline-runs/process-session";
import type { StepRunner } from "../../lib/pipeline-runs/step-runner";
import { gmailRecordingLines } from "../../test/helpers/gmail-recording";

const PER_EMAIL = 10;

async function main() {
  const targetEvents = Number(process.argv[2] ?? 100_000);
  const scrollNoise = 30;
  const emails = Math.max(1, Math.round(targetEvents / (PER_EMAIL + scrollNoise)));
  const { dataDir } = await openTestDatabase();
  try {
    const caller = await createTestCaller();
    const sessionId = crypto.randomUUID();
    const key = `sessions/${sessionId}/input_events.jsonl`;
    const lines = gmailRecordingLines({ emails, scrollNoise });
    const stored = await (await getObjectStore()).put(key, `${lines.join("\n")}\n`);
    await createUploadedSession({
      sessionId,
      actor: personalActor(caller.user.id),
      suiteId: suiteId("gmail"),
      files: [{ fileName: "input_events.jsonl", storageKey: key, sizeBytes: stored.size, format: "native" }],
    });
    const timings: Record<string, number> = {};
    const rssAfter: Record<string, number> = {};
    const rssBefore = Math.round(process.memoryUsage().rss / 1e6);
    const timed: StepRunner = {
      run: async (id, fn) => {
        const started = performance.now();
        const result = await fn();
        timings[id] = Math.round(performance.now() - started);
        rssAfter[id] = Math.round(process.memoryUsage().rss / 1e6);
        return result;
      },
      sleep: async () => {},
    };
    const stages = getPipelineDeps();
    const total = performance.now();
    const processed = await processSession(sessionId, timed, stages);
    const processMs = Math.round(performance.now() - total);
    const example = await insertExample(await getDb(), {
      workspaceId: caller.user.id,
      userId: caller.user.id,
      sessionId,
      modelId: modelId("tracepipe-rules-1"),
      actionToolMapId: actionToolMapId("gmail-to-gmail-mcp"),
      modelConfiguration: {},
      callbackUrl: null,
    });
    const exampleTimings = { ...timings };
    for (const k of Object.keys(timings)) delete timings[k];
    const generateStarted = performance.now();
    const generated = await generateExample(example.id, personalActor(caller.user.id), timed, stages);
    const generateMs = Math.round(performance.now() - generateStarted);
    process.stdout.write(
      `${JSON.stringify(
        {
          events: processed.events,
          rawBytes: stored.size,
          interactions: processed.interactions,
          actions: processed.actions,
          processSessionMs: processMs,
          processSessionSteps: exampleTimings,
          eventsPerSecond: Math.round(processed.events / (processMs / 1000)),
          generateExampleMs: generateMs,
          generateExampleSteps: timings,
          records: "records" in generated ? generated.records : 0,
          rssMbBeforeRun: rssBefore,
          rssMbAfterStep: rssAfter,
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await closeTestDatabase(dataDir);
  }
}

await main();
