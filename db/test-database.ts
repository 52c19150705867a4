import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { ensureDatabaseReady, resetBootstrapForTests } from "./bootstrap";
import { closeDb, getDb, migrationsFolder } from "./client";

/** Customer-data tables, emptied between integration test files; the catalog stays seeded. */
const customerTables = [
  "usage_records",
  "audit_log",
  "idempotency_keys",
  "direct_upload_files",
  "rate_limit_buckets",
  "examples",
  "session_event_batches",
  "session_event_ids",
  "session_files",
  "sessions",
  "api_keys",
  "auth_accounts",
  "auth_sessions",
  "login_throttles",
  "users",
  "workspace_invitations",
  "workspace_members",
  "workspaces",
  "job_runs",
  "outbox_events",
  "workspace_events",
];

/** A fingerprint of everything that shapes a freshly seeded database: the migrations and the catalog. */
function schemaFingerprint(): string {
  const hash = createHash("sha256");
  const files = fs.readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).sort();
  for (const file of files) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  hash.update(fs.readFileSync(path.join(migrationsFolder, "..", "catalog.json")));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Migrating a new PGlite folder costs seconds per test file, so the first file builds a migrated, seeded folder
 * once per schema and every file starts from a copy of it. The real migrations still run to build it.
 */
async function copyPgliteTemplate(dataDir: string): Promise<void> {
  const template = path.join(os.tmpdir(), `tracepipe-pglite-template-${schemaFingerprint()}`);
  if (!fs.existsSync(template)) {
    const building = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-template-build-"));
    process.env.TRACEPIPE_DATA_DIR = building;
    resetEnvCache();
    await ensureDatabaseReady();
    await closeDb();
    resetBootstrapForTests();
    try {
      fs.renameSync(path.join(building, "pglite"), template);
    } catch {
      // Another worker built it first; theirs is identical.
    }
    fs.rmSync(building, { recursive: true, force: true });
  }
  fs.cpSync(template, path.join(dataDir, "pglite"), { recursive: true });
}

/**
 * Opens a fresh, migrated and seeded database for one integration test file: a new PGlite data folder, or the
 * Postgres server in DATABASE_URL with customer tables truncated.
 */
export async function openTestDatabase(): Promise<{ dataDir: string }> {
  await closeDb();
  resetBootstrapForTests();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-test-"));
  if (!process.env.DATABASE_URL) await copyPgliteTemplate(dataDir);
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
