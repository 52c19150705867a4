import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { inngest } from "@/inngest/client";
import { isInngestEngine } from "@/lib/env";
import { emitEvents } from "@/lib/events/emit-events";
import { EmbeddedExecutor } from "./embedded-executor";
import { getJobRun } from "./get-job-run";
import { waitForEventRuns } from "./wait-for-job-runs";

// The embedded default end to end, minus Next: a handler written with Web APIs only (Request in, Response out)
// writes an event to the outbox as domain code does, the executor's relay hands it over, and the app's Inngest
// client runs the function on the executor, including one retry of a failing step.

const effects: string[] = [];
/** App events carry ids only; the file name travels beside them, as a stored row would. */
const uploadNames = new Map<string, string>();
const count = (name: string) => effects.filter((e) => e === name).length;

const processUpload = inngest.createFunction(
  { id: "test-process-upload", triggers: [{ event: "session/uploaded" }], retries: 2 },
  async ({ event, step }) => {
    const stored = await step.run("store", () => {
      effects.push("store");
      return `uploads/${uploadNames.get(String(event.data.sessionId))}`;
    });
    const parsed = await step.run("parse", () => {
      effects.push("parse");
      if (count("parse") === 1) throw new Error("parser not ready");
      return { key: stored, lines: 3 };
    });
    return parsed;
  },
);

/** The kind of handler the ingest routes are: Web APIs only, thin, answering once the event is durable. */
async function handleUpload(request: Request): Promise<Response> {
  const body = (await request.json()) as { name: string };
  const sessionId = crypto.randomUUID();
  uploadNames.set(sessionId, body.name);
  const eventId = `session-uploaded-${sessionId}`;
  await emitEvents(await getDb(), [
    {
      name: "session/uploaded",
      id: eventId,
      data: { sessionId, workspaceId: crypto.randomUUID(), userId: crypto.randomUUID() },
    },
  ]);
  return Response.json({ eventId }, { status: 202 });
}

let dataDir: string | undefined;
let executor: EmbeddedExecutor;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  executor = new EmbeddedExecutor({
    client: inngest,
    functions: [processUpload],
    db: await getDb(),
    backoff: { baseMs: 20, maxMs: 100 },
  });
  await executor.start();
});

afterAll(async () => {
  await executor?.stop();
  await closeTestDatabase(dataDir);
});

it("runs the steps of a function triggered from a Web-API handler, retrying the failing step once", async () => {
  expect(isInngestEngine()).toBe(false);
  const response = await handleUpload(
    new Request("http://localhost/v1/uploads", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "session.jsonl" }),
    }),
  );
  expect(response.status).toBe(202);
  const { eventId } = (await response.json()) as { eventId: string };
  const [run] = await waitForEventRuns(await getDb(), eventId);
  expect(run?.status).toBe("completed");
  expect(run?.output).toEqual({ key: "uploads/session.jsonl", lines: 3 });
  expect(effects).toEqual(["store", "parse", "parse"]);
  expect((await getJobRun(run?.id ?? ""))?.status).toBe("completed");
  expect(await getJobRun("not-a-run-id")).toBeNull();
});
