/**
 * Measures the embedded executor on a fresh database: wall time of a 3-step run from send() to completed, and the
 * overhead per step (one signed in-process request to serve() plus one leased write of the memoized result).
 *
 * Run: TRACEPIPE_DATA_DIR=$(mktemp -d) npx tsx scripts/bench/embedded-executor-bench.ts
 * (add DATABASE_URL=postgres://… to measure against a Postgres server)
 */
import { Inngest } from "inngest";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDatabaseHandleMode, getDb } from "@/db/client";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "../../lib/jobs/embedded-client-options";
import { EmbeddedExecutor } from "../../lib/jobs/embedded-executor";
import { waitForEventRuns } from "../../lib/jobs/wait-for-job-runs";

const manySteps = 50;
const runs = 20;

const client = new Inngest({ id: "bench", logger: childLogger("inngest"), ...embeddedClientOptions() });
const threeSteps = client.createFunction(
  { id: "three-steps", triggers: [{ event: "bench/three" }] },
  async ({ step }) => {
    const a = await step.run("a", () => 1);
    const b = await step.run("b", () => a + 1);
    return step.run("c", () => b + 1);
  },
);
const noSteps = client.createFunction(
  { id: "no-steps", triggers: [{ event: "bench/none" }] },
  async () => "done",
);
const many = client.createFunction(
  { id: "many-steps", triggers: [{ event: "bench/many" }] },
  async ({ step }) => {
    for (let i = 0; i < manySteps; i++) await step.run(`step-${i}`, () => i);
    return manySteps;
  },
);

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

async function timeRun(executor: EmbeddedExecutor, name: string): Promise<number> {
  const started = performance.now();
  const [eventId] = await executor.send([{ name, data: {} }]);
  await waitForEventRuns(await getDb(), eventId ?? "", { timeoutMs: 60_000 });
  return performance.now() - started;
}

async function main() {
  await ensureDatabaseReady();
  const executor = new EmbeddedExecutor({
    client,
    functions: [threeSteps, noSteps, many],
    db: await getDb(),
  });
  await executor.start();
  await timeRun(executor, "bench/three"); // warm-up: first SDK request, JIT
  const none: number[] = [];
  const three: number[] = [];
  for (let i = 0; i < runs; i++) {
    none.push(await timeRun(executor, "bench/none"));
    three.push(await timeRun(executor, "bench/three"));
  }
  const manyMs = await timeRun(executor, "bench/many");
  await executor.stop();
  const mode = await getDatabaseHandleMode();
  await closeDb();
  console.log(
    JSON.stringify(
      {
        database: mode,
        runs,
        medianNoStepRunMs: Math.round(median(none)),
        medianThreeStepRunMs: Math.round(median(three)),
        [`${manySteps}StepRunMs`]: Math.round(manyMs),
        perStepOverheadMs: Number((manyMs / (manySteps + 1)).toFixed(2)),
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
