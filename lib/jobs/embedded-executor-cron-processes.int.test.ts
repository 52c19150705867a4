import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type JobRun, listJobRuns } from "@/db/queries/job-runs";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { spawnTsxScript } from "@/test/helpers/spawn-tsx-script";

// Two real processes, each with its own embedded executor and connection pool, reach the same cron tick at the
// same moment on one Postgres database: the tick gets one run, driven once. PGlite folders admit one process, so
// this runs on Postgres only (the in-process variant in embedded-executor-cron.int.test.ts runs on both).

const root = path.resolve(import.meta.dirname, "../..");
const worker = path.join(root, "test", "workers", "cron-test-worker.ts");
const isPostgres = Boolean(process.env.DATABASE_URL);

let dataDir: string | undefined;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterAll(async () => {
  await closeTestDatabase(dataDir);
});

const startWorker = (env: Record<string, string>) => spawnTsxScript(worker, { cwd: root, env });

async function waitUntil(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

it.skipIf(!isPostgres)(
  "gives a tick one run when two processes share the Postgres database",
  {
    timeout: 120_000,
  },
  async () => {
    const effects = path.join(dataDir ?? "", "cron-effects.log");
    const tick = "2030-03-01T12:05:00Z";
    const workers = [0, 1].map(() =>
      startWorker({ CRON_EFFECTS_FILE: effects, CRON_TICK: tick, LOG_LEVEL: "debug" }),
    );
    try {
      for (const w of workers) {
        await waitUntil(
          () => w.output().includes("worker-loaded"),
          60_000,
          () => `a worker to load\n${w.output()}`,
        );
      }
      // Both clocks read the tick at the same real moment, a few seconds from now: both executors must start
      // (and load their schedule) before it, or the later one simply finds the run and never races for it.
      const tickAtRealMs = Date.now() + 5000;
      for (const w of workers) w.child.stdin?.write(`${tickAtRealMs}\n`);
      const codes = await Promise.all(workers.map((w) => exitOf(w.child)));
      expect(codes, workers.map((w) => w.output()).join("\n")).toEqual([0, 0]);
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    }

    for (const w of workers) {
      expect(w.output(), "a worker started after the tick: the machine is too slow for this test").toContain(
        "started-before-tick=true",
      );
      // The runs are the one JSON array the worker prints; its logger's lines may be flushed after it.
      const runsLine = w
        .output()
        .split("\n")
        .findLast((line) => line.startsWith("["));
      const runs = JSON.parse(runsLine ?? "null") as JobRun[];
      expect(runs.map((run) => [run.eventId, run.status])).toEqual([[tick, "completed"]]);
    }
    // Both processes reached the tick; the database let exactly one of them queue its run.
    const outcomes = workers.map((w) =>
      ["cron run queued", "cron tick already has a run"].filter((message) => w.output().includes(message)),
    );
    expect(outcomes.flat().sort()).toEqual(["cron run queued", "cron tick already has a run"]);
    const lines = fs.readFileSync(effects, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\d+@${tick}$`));
    const stored = await listJobRuns(await getDb(), { functionId: "cron-process-test-every-five-minutes" });
    expect(stored).toHaveLength(1);
  },
);
