/**
 * A stand-alone process for the crash/restart test (embedded-executor-crash.int.test.ts): opens the database in
 * TRACEPIPE_DATA_DIR (or DATABASE_URL), runs an embedded executor with a three-step function, and appends each
 * step's side effect as a line to CRASH_EFFECTS_FILE. With CRASH_BLOCK_STEP_TWO=1, step two hangs so the test can
 * kill -9 the process mid-step; with CRASH_SEND_EVENT the process first sends that event id; with
 * CRASH_EXIT_WHEN_DONE it exits once the run has finished and prints the run as JSON.
 *
 * Run: npx tsx test/workers/crash-test-worker.ts (driven by the test, not by hand).
 */
import fs from "node:fs";
import { Inngest } from "inngest";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDatabaseHandleMode, getDb } from "@/db/client";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "../../lib/jobs/embedded-client-options";
import { EmbeddedExecutor } from "../../lib/jobs/embedded-executor";
import { waitForEventRuns } from "../../lib/jobs/wait-for-job-runs";

const effectsFile = process.env.CRASH_EFFECTS_FILE ?? "";
const isBlockingStepTwo = process.env.CRASH_BLOCK_STEP_TWO === "1";
const eventToSend = process.env.CRASH_SEND_EVENT;
const eventToAwait = process.env.CRASH_EXIT_WHEN_DONE;
const leaseMs = Number(process.env.CRASH_LEASE_MS ?? "1500");

const record = (line: string) => fs.appendFileSync(effectsFile, `${line}\n`);

const client = new Inngest({ id: "crash-test", logger: childLogger("inngest"), ...embeddedClientOptions() });
const crashSteps = client.createFunction(
  { id: "crash-steps", triggers: [{ event: "crash/start" }] },
  async ({ step }) => {
    const one = await step.run("one", () => {
      record("one");
      return 1;
    });
    const two = await step.run("two", async () => {
      record("two-started");
      if (isBlockingStepTwo) await new Promise((resolve) => setTimeout(resolve, 120_000));
      record("two");
      return one + 1;
    });
    const three = await step.run("three", () => {
      record("three");
      return two + 1;
    });
    return { one, two, three };
  },
);

async function main() {
  await ensureDatabaseReady();
  const db = await getDb();
  const executor = new EmbeddedExecutor({
    client,
    functions: [crashSteps],
    db,
    leaseMs,
    pollIntervalMs: 100,
    releaseLeasesOnStart: (await getDatabaseHandleMode()) === "pglite",
  });
  await executor.start();
  if (eventToSend) await executor.send([{ name: "crash/start", data: {}, id: eventToSend }]);
  process.stdout.write("worker-ready\n");
  if (!eventToAwait) return;
  const runs = await waitForEventRuns(db, eventToAwait, { timeoutMs: 60_000 });
  await executor.stop();
  await closeDb();
  process.stdout.write(`${JSON.stringify(runs)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
