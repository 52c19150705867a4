/**
 * Times `insertSessionEventBatch` alone for batches of 500 events (`makeEvent`, ~85 KB): fresh batches, a batch
 * that is all duplicates, and a batch with every other event a duplicate. Runs on a fresh PGlite in a temporary
 * folder, or on the Postgres server in DATABASE_URL (it migrates that database and deletes its own rows after).
 *   npx tsx scripts/bench/insert-batch-bench.ts [batches=200]
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/insert-batch-bench.ts [batches=200]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDb } from "@/db/client";
import { insertSessionEventBatch } from "@/db/queries/session-events";
import { insertSession } from "@/db/queries/sessions";
import { users } from "@/db/schema";
import { createTestUser } from "@/db/test-factories";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { resetEnvCache } from "@/lib/env";
import { makeEvent } from "@/lib/ingest/stream-session";

const BATCH = 500;
const WARMUP = 10;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
const fmt = (ms: number) => ms.toFixed(2);

async function main() {
  const batches = Number(process.argv[2] ?? "200");
  const tempDir = process.env.DATABASE_URL
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), "insert-bench-"));
  if (tempDir) process.env.TRACEPIPE_DATA_DIR = tempDir;
  // Modules read the environment at import; read it again so the temporary folder is the one opened.
  resetEnvCache();
  await ensureDatabaseReady();
  const db = await getDb();
  const user = await createTestUser();
  const sessionId = crypto.randomUUID();
  const suite = findSuite(getBundledCatalog(), "gmail");
  if (!suite) throw new Error("the gmail suite is not seeded");
  await insertSession(db, {
    id: sessionId,
    workspaceId: user.id,
    userId: user.id,
    suiteId: suite.id,
    status: "open",
  });

  const batchAt = (n: number) => Array.from({ length: BATCH }, (_, i) => makeEvent(n * BATCH + i));
  const time = async (events: ReturnType<typeof makeEvent>[], expected: number) => {
    const started = performance.now();
    const stored = await insertSessionEventBatch(db, { workspaceId: user.id, sessionId, events });
    const ms = performance.now() - started;
    if (stored.length !== expected) throw new Error(`stored ${stored.length}, expected ${expected}`);
    return ms;
  };

  for (let n = 0; n < WARMUP; n++) await time(batchAt(n), BATCH);
  const fresh: number[] = [];
  for (let n = WARMUP; n < WARMUP + batches; n++) fresh.push(await time(batchAt(n), BATCH));
  const duplicates: number[] = [];
  for (let n = 0; n < 20; n++) duplicates.push(await time(batchAt(n), 0));
  const half: number[] = [];
  for (let n = 0; n < 20; n++) {
    const base = WARMUP + batches + n * 2;
    const events = batchAt(base).map((event, i) => (i % 2 === 0 ? event : makeEvent(i)));
    half.push(await time(events, BATCH / 2));
  }

  const mode = process.env.DATABASE_URL ? "postgres" : "pglite";
  const line = (label: string, values: number[]) =>
    `${mode} ${label}: median ${fmt(median(values))} ms, mean ${fmt(mean(values))} ms per batch (${values.length} batches of ${BATCH})`;
  process.stdout.write(
    `${[line("fresh", fresh), line("all duplicates", duplicates), line("half duplicates", half)].join("\n")}\n`,
  );
  process.stdout.write(
    `${mode} fresh: ${Math.round((BATCH * 1000) / median(fresh))} events/s in one client\n`,
  );

  await db.delete(users).where(eq(users.id, user.id));
  await closeDb();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
