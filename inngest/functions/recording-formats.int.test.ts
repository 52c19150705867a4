import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessages } from "@/app/v1/examples/[id]/messages/route";
import { GET as getExample } from "@/app/v1/examples/[id]/route";
import { POST as createExample } from "@/app/v1/examples/route";
import { getDb } from "@/db/client";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { convertSession } from "@/lib/cli/convert-session";
import type { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { waitForEventRuns } from "@/lib/jobs/wait-for-job-runs";
import type { RecordingFormat } from "@/lib/pipeline/import/detect-format";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { startAppExecutor } from "@/test/helpers/app-executor";
import { callRoute } from "@/test/helpers/call-route";

// Each recording format of one corpus scenario, uploaded as a file, through the real executor to a downloadable
// example whose tool call matches the scenario's expectation.

const scenarioDir = path.join(process.cwd(), "e2e/fixtures/recordings/github-create-issue");
const expected = JSON.parse(fs.readFileSync(path.join(scenarioDir, "expected.json"), "utf8")) as {
  suite: string;
  toolCalls: { tool: string; arguments: Record<string, unknown> }[];
  argumentsUnknownFor: string[];
};
const files = [
  { fileName: "input_events.jsonl", format: "native" },
  { fileName: "rrweb.json", format: "rrweb" },
  { fileName: "recorder.json", format: "devtools-recorder" },
  { fileName: "codegen.jsonl", format: "playwright-codegen" },
  { fileName: "trace.json.gz", format: "chrome-trace" },
];

async function convertOffline(fileName: string, format: string) {
  const stream = Readable.toWeb(fs.createReadStream(path.join(scenarioDir, fileName)));
  const { examples } = await convertSession({
    source: { stream: stream as ReadableStream<Uint8Array>, fileName, format: format as RecordingFormat },
    catalog: getBundledCatalog(),
    suite: expected.suite,
    model: "tracepipe-rules-1",
    format: "openai",
  });
  return examples.records;
}

let dataDir: string;
let executor: EmbeddedExecutor;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  executor = await startAppExecutor();
});
afterAll(async () => {
  await executor?.stop();
  await closeTestDatabase(dataDir);
});

describe("every recording format through the durable pipeline", () => {
  it.each(files)(
    "$format: $fileName becomes a completed example (a trace: review items, no empty example)",
    async ({ fileName, format }) => {
      const caller = await createTestCaller();
      const db = await getDb();
      const sessionId = crypto.randomUUID();
      const storageKey = `sessions/${sessionId}/${fileName}`;
      const stored = await (await getObjectStore()).put(
        storageKey,
        fs.readFileSync(path.join(scenarioDir, fileName)),
      );
      await createUploadedSession({
        sessionId,
        actor: personalActor(caller.user.id),
        suiteId: suiteId(expected.suite),
        files: [{ fileName, storageKey, sizeBytes: stored.size, format }],
      });
      const [processRun] = await waitForEventRuns(db, `session-uploaded-${sessionId}`, { timeoutMs: 60_000 });
      expect(processRun?.error ?? null).toBeNull();
      expect(processRun?.status).toBe("completed");

      const response = await callRoute(createExample, {
        method: "POST",
        path: "/v1/examples",
        headers: { ...caller.headers, "content-type": "application/json" },
        body: JSON.stringify({ session_id: sessionId }),
      });
      if (expected.argumentsUnknownFor.includes(format)) {
        // Traces carry no typed text: every recognised action waits for a person, none is invented, and an example
        // with nothing to write is refused with the reason instead of an empty file.
        expect(response.status).toBe(422);
        const problem = await response.json();
        expect(problem.type).toBe("https://tracepipe.dev/problems/no_records");
        expect(problem.pending_review_count).toBeGreaterThan(0);
        expect(await convertOffline(fileName, format)).toEqual([]);
        return;
      }
      expect(response.status).toBe(202);
      const created = await response.json();
      const [generateRun] = await waitForEventRuns(db, `example-requested-${created.id}`, {
        timeoutMs: 60_000,
      });
      expect(generateRun?.status).toBe("completed");
      const params = { id: created.id };
      const example = await (
        await callRoute(getExample, { path: "/x", headers: caller.headers, params })
      ).json();
      expect(example.status).toBe("completed");
      const text = await (
        await callRoute(getMessages, { path: "/x", headers: caller.headers, params })
      ).text();
      const records = text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      // The durable path (artifacts between steps) produces exactly what the offline pipeline does in one pass.
      expect(records).toEqual(await convertOffline(fileName, format));
      const tools = records.flatMap((r) =>
        r.messages.at(-1).tool_calls.map((c: { function: { name: string } }) => c.function.name),
      );
      expect(tools).toEqual(expected.toolCalls.map((c) => c.tool));
    },
  );
});
