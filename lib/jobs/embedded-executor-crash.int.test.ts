import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { getJobRunById, type JobRun } from "@/db/queries/job-runs";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { spawnTsxScript } from "@/test/helpers/spawn-tsx-script";

// A real process is killed with SIGKILL in the middle of step two and a new one is started on the same
// database: the run must complete exactly once, with step one never re-run (its result was stored) and step
// two re-run from the start (it was in flight). PGlite folders admit one process at a time, so the test closes
// its own handle first and the second worker only starts after the first is dead.

const root = path.resolve(import.meta.dirname, "../..");
const worker = path.join(root, "test", "workers", "crash-test-worker.ts");

let dataDir: string | undefined;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  await closeDb();
});

afterAll(async () => {
  await closeTestDatabase(dataDir);
});

const startWorker = (env: Record<string, string>) => spawnTsxScript(worker, { cwd: root, env });

function readEffects(file: string): string[] {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

it("completes a run exactly once after the worker is killed mid-step and restarted", {
  timeout: 180_000,
}, async () => {
  const effects = path.join(dataDir ?? "", "effects.log");
  const eventId = crypto.randomUUID();
  const env = { TRACEPIPE_DATA_DIR: dataDir ?? "", CRASH_EFFECTS_FILE: effects, CRASH_LEASE_MS: "1500" };

  const first = startWorker({ ...env, CRASH_BLOCK_STEP_TWO: "1", CRASH_SEND_EVENT: eventId });
  try {
    await waitUntil(
      () => readEffects(effects).includes("two-started"),
      90_000,
      `step two to start\n${first.output()}`,
    );
  } finally {
    first.child.kill("SIGKILL");
    await exitOf(first.child);
  }
  expect(first.child.signalCode).toBe("SIGKILL");
  expect(readEffects(effects)).toEqual(["one", "two-started"]);

  const second = startWorker({ ...env, CRASH_EXIT_WHEN_DONE: eventId });
  const code = await Promise.race([
    exitOf(second.child),
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 120_000)),
  ]);
  if (code !== 0) second.child.kill("SIGKILL");
  expect(code, second.output()).toBe(0);

  const lastLine = second.output().trim().split("\n").at(-1) ?? "[]";
  const runs = JSON.parse(lastLine) as JobRun[];
  expect(runs).toHaveLength(1);
  expect(runs[0]?.status).toBe("completed");
  expect(runs[0]?.output).toEqual({ one: 1, two: 2, three: 3 });
  // Step one ran once; step two started twice (killed, then re-run) but finished once; step three once.
  expect(readEffects(effects)).toEqual(["one", "two-started", "two-started", "two", "three"]);

  const stored = await getJobRunById(await getDb(), runs[0]?.id ?? "");
  expect(stored?.status).toBe("completed");
  expect(stored?.leaseToken).toBeNull();
});
