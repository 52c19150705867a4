import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { ensureDatabaseReady, resetBootstrapForTests } from "./bootstrap";
import { closeDb, getDb } from "./client";

/** Customer-data tables, emptied between integration test files; the catalog stays seeded. */
const customerTables = [
  "usage_records",
  "audit_log",
  "idempotency_keys",
  "rate_limit_buckets",
  "examples",
  "session_events",
  "session_files",
  "sessions",
  "api_keys",
  "auth_accounts",
  "users",
  "job_runs",
];

/**
 * Opens a fresh, migrated and seeded database for one integration test file: a new PGlite data folder, or the
 * Postgres server in DATABASE_URL with customer tables truncated.
 */
export async function openTestDatabase(): Promise<{ dataDir: string }> {
  await closeDb();
  resetBootstrapForTests();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-test-"));
  process.env.TRACEPIPE_DATA_DIR = dataDir;
  resetEnvCache();
  await ensureDatabaseReady();
  if (process.env.DATABASE_URL) {
    const db = await getDb();
    await db.execute(sql.raw(`truncate table ${customerTables.join(", ")} cascade`));
  }
  return { dataDir };
}

export async function closeTestDatabase(dataDir?: string): Promise<void> {
  await closeDb();
  resetBootstrapForTests();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
