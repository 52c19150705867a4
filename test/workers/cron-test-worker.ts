/**
 * A stand-alone process for the two-process cron test (embedded-executor-cron-processes.int.test.ts): opens the
 * database in DATABASE_URL, runs an embedded executor with a cron function that appends a line per run to
 * CRON_EFFECTS_FILE, prints `worker-loaded`, then reads from stdin the real time (ms) at which its clock is to
 * read CRON_TICK. It exits once that tick's run has finished and prints the runs as JSON.
 *
 * Run: npx tsx test/workers/cron-test-worker.ts (driven by the test, not by hand).
 */
import fs from "node:fs";
import readline from "node:readline";
import { cron, Inngest } from "inngest";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDb } from "@/db/client";
import { childLogger } from "@/lib/logger";
import { cronEventId } from "../../lib/jobs/cron-schedule";
import { embeddedClientOptions } from "../../lib/jobs/embedded-client-options";
import { EmbeddedExecutor } from "../../lib/jobs/embedded-executor";
import { waitForEventRuns } from "../../lib/jobs/wait-for-job-runs";

const effectsFile = process.env.CRON_EFFECTS_FILE ?? "";
const tick = new Date(process.env.CRON_TICK ?? "");

const client = new Inngest({
  id: "cron-process-test",
  logger: childLogger("inngest"),
  ...embeddedClientOptions(),
});
const everyFiveMinutes = client.createFunction(
  { id: "every-five-minutes", triggers: [cron("*/5 * * * *")] },
  async ({ event, step }) => {
    await step.run("record", () => fs.appendFileSync(effectsFile, `${process.pid}@${event.id}\n`));
  },
);

async function readLine(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new Error("stdin closed before the start time arrived");
}

async function main() {
  await ensureDatabaseReady();
  const db = await getDb();
  process.stdout.write("worker-loaded\n");
  const tickAtRealMs = Number(await readLine());
  const executor = new EmbeddedExecutor({
    client,
    functions: [everyFiveMinutes],
    db,
    pollIntervalMs: 50,
    now: () => new Date(tick.getTime() + Date.now() - tickAtRealMs),
  });
  // The test needs both processes to have loaded their schedule before the tick, so both race for it.
  process.stdout.write(`started-before-tick=${Date.now() < tickAtRealMs}\n`);
  await executor.start();
  const runs = await waitForEventRuns(db, cronEventId(tick), { timeoutMs: 30_000 });
  await executor.stop();
  await closeDb();
  process.stdout.write(`${JSON.stringify(runs)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
