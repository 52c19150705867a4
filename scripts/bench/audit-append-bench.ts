/**
 * Cost of the audit chain: appends one at a time, N concurrent appends to one workspace (they take turns on the
 * chain's advisory lock) and N concurrent appends spread over N workspaces (no shared lock), then `audit:verify`'s
 * walk over everything written. Runs on a fresh PGlite in a temporary folder, or on the Postgres server in
 * DATABASE_URL (it migrates that database; the log is append-only, so its rows stay).
 *   npx tsx scripts/bench/audit-append-bench.ts [appends=400] [concurrency=16]
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/audit-append-bench.ts [appends=400] [concurrency=16]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb, getDb } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resetEnvCache } from "@/lib/env";
import { verifyAuditChains } from "../audit/verify-audit-chains";

const meta = { ip: "203.0.113.1", userAgent: "bench", requestId: "bench" };
const event = (workspaceId: string, i: number) => ({
  type: "user.sign_in" as const,
  workspaceId,
  userId: workspaceId,
  target: { type: "user", id: workspaceId },
  metadata: { i },
});

async function timed(label: string, count: number, run: () => Promise<void>) {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  console.log(
    `${label}: ${count} in ${ms.toFixed(0)} ms = ${(ms / count).toFixed(2)} ms each, ${((count / ms) * 1000).toFixed(0)}/s`,
  );
}

async function inWaves(total: number, concurrency: number, append: (i: number) => Promise<void>) {
  for (let start = 0; start < total; start += concurrency) {
    const wave = Array.from({ length: Math.min(concurrency, total - start) }, (_, k) => append(start + k));
    await Promise.all(wave);
  }
}

async function main() {
  const appends = Number(process.argv[2] ?? "400");
  const concurrency = Number(process.argv[3] ?? "16");
  const tempDir = process.env.DATABASE_URL
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), "audit-bench-"));
  if (tempDir) process.env.TRACEPIPE_DATA_DIR = tempDir;
  resetEnvCache();
  await ensureDatabaseReady();
  const db = await getDb();
  console.log(`audit append bench on ${process.env.DATABASE_URL ? "Postgres" : "PGlite"}`);
  const one = crypto.randomUUID();
  await timed("sequential, one workspace", appends, async () => {
    for (let i = 0; i < appends; i++) await recordAuditEvent(event(one, i), meta);
  });
  const shared = crypto.randomUUID();
  await timed(`${concurrency} concurrent, one workspace`, appends, () =>
    inWaves(appends, concurrency, (i) => recordAuditEvent(event(shared, i), meta)),
  );
  const spread = Array.from({ length: concurrency }, () => crypto.randomUUID());
  await timed(`${concurrency} concurrent, ${concurrency} workspaces`, appends, () =>
    inWaves(appends, concurrency, (i) => recordAuditEvent(event(spread[i % concurrency] ?? one, i), meta)),
  );
  const started = performance.now();
  const report = await verifyAuditChains(db);
  const ms = performance.now() - started;
  console.log(
    `verify: ${report.entriesChecked} entries in ${report.chains} chains in ${ms.toFixed(0)} ms = ${((report.entriesChecked / ms) * 1000).toFixed(0)}/s, broken: ${report.broken ? report.broken.id : "none"}`,
  );
  await closeDb();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  if (report.broken) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
