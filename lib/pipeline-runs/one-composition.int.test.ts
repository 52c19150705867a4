import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { sortInteractions } from "@/lib/pipeline/silver/silver-stream";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import type { Interaction } from "@/schemas/pipeline";
import { artifactKeys } from "./artifact-keys";
import { collectJsonlArtifact } from "./jsonl-artifacts";
import { getPipelineDeps } from "./pipeline-deps";
import { processSession } from "./process-session";
import { directSteps } from "./step-runner";

// One composition: corpus recordings through the stages chained in memory (CLI, tests, accuracy) and through the
// durable steps (artifact → stage → artifact, as process-session runs them) give the same layers. The scenarios
// are those where the two wirings used to differ — searches recorded by rrweb, which records no key events (the
// durable run lost them) — and multi-action and noisy sessions; every format of each.

const corpus = path.join(process.cwd(), "e2e/fixtures/recordings");
const formatOf: Record<string, string> = {
  "input_events.jsonl": "native",
  "rrweb.json": "rrweb",
  "recorder.json": "devtools-recorder",
  "codegen.jsonl": "playwright-codegen",
  "trace.json.gz": "chrome-trace",
};
const files = Object.keys(formatOf);
const scenarios = fs
  .readdirSync(corpus)
  .filter(
    (name) => /search|-then-|noise/.test(name) && fs.existsSync(path.join(corpus, name, "expected.json")),
  );
const recordings = scenarios.flatMap((scenario) =>
  files
    .filter((file) => fs.existsSync(path.join(corpus, scenario, file)))
    .map((file) => ({ scenario, file, suite: suiteOf(scenario) })),
);

function suiteOf(scenario: string): string {
  const expected = JSON.parse(fs.readFileSync(path.join(corpus, scenario, "expected.json"), "utf8")) as {
    suite: string;
  };
  return expected.suite;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  await closeTestDatabase(dataDir);
});

describe("the pipeline is composed once", () => {
  it("covers the corpus", () => {
    expect(recordings.length).toBeGreaterThanOrEqual(40);
  });

  it.each(recordings)(
    "$scenario/$file: in memory and durable give identical layers",
    async ({ scenario, file, suite }) => {
      const bytes = fs.readFileSync(path.join(corpus, scenario, file));
      const deps = getPipelineDeps();
      const inMemory = await runPipeline({
        sources: [
          { stream: Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>, fileName: file },
        ],
        suite,
        catalog: deps.catalog,
      });

      const caller = await createTestCaller();
      const sessionId = crypto.randomUUID();
      const storageKey = `sessions/${sessionId}/${file}`;
      const stored = await (await getObjectStore()).put(storageKey, bytes);
      await createUploadedSession({
        sessionId,
        actor: personalActor(caller.user.id),
        suiteId: suiteId(suite),
        files: [{ fileName: file, storageKey, sizeBytes: stored.size, format: formatOf[file] ?? "native" }],
      });
      const durable = await processSession(sessionId, directSteps, deps);
      const keys = artifactKeys(sessionId);

      expect(durable.events).toBe(inMemory.metrics.events);
      const [session] = await (await getDb())
        .select({ sourceFormat: sessions.sourceFormat, metrics: sessions.metrics })
        .from(sessions)
        .where(eq(sessions.id, sessionId));
      expect(session?.sourceFormat).toBe(inMemory.bronze?.formats[0]);
      // Silver's artifact is in flush order; gold reads it in time order, as the in-memory chain does.
      const silver = sortInteractions(await collectJsonlArtifact<Interaction>(keys.silver));
      expect(silver).toEqual(plain(inMemory.interactions));
      expect(await collectJsonlArtifact(keys.windows)).toEqual(plain(inMemory.windows));
      expect(await collectJsonlArtifact(keys.actions)).toEqual(plain(inMemory.actions));
      expect(await collectJsonlArtifact(keys.importIssues)).toEqual(plain(inMemory.bronze?.issues));
      expect(session?.metrics?.timezone ?? undefined).toEqual(inMemory.timezone);
      expect(session?.metrics?.confidence).toEqual(inMemory.metrics.confidence);
      expect(session?.metrics?.mergeRatios).toEqual(inMemory.metrics.mergeRatios);
    },
  );
});
