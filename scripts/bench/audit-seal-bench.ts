/**
 * Start-up cost of migration 0014 on a populated log: N audit rows in the old shape (spread over 100 users),
 * then the migration's data move and `sealAuditChain` (hashing every old row in order), each timed. Runs on an
 * in-memory PGlite, or on a scratch database created (and dropped) on the server in DATABASE_URL.
 *   npx tsx scripts/bench/audit-seal-bench.ts [rows=20000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, migrationsFolder } from "@/db/client";
import * as schema from "@/db/schema";
import { sealAuditChain } from "@/db/seal-audit-chain";
import { verifyAuditChains } from "../audit/verify-audit-chains";

function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === tag),
  );
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function open(): Promise<{
  db: Database;
  migrate: (folder: string) => Promise<void>;
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create();
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Database,
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const name = `tracepipe_seal_bench_${crypto.randomUUID().replaceAll("-", "")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  const db = drizzle(pool, { schema });
  return {
    db: db as unknown as Database,
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

async function main() {
  const rows = Number(process.argv[2] ?? "20000");
  const target = await open();
  const before = migrationsBefore("0013_audit-chain");
  try {
    await target.migrate(before);
    await target.db.execute(sql`
      insert into audit_log (user_id, action, ip, user_agent, metadata, created_at)
      select ('00000000-0000-4000-8000-' || lpad((i % 100)::text, 12, '0'))::uuid, 'user.sign_in', '203.0.113.7',
        'Mozilla/5.0', jsonb_build_object('method', 'password', 'i', i),
        timestamptz '2026-01-01' + make_interval(secs => i)
      from generate_series(1, ${rows}::int) as i`);
    let started = performance.now();
    await target.migrate(migrationsFolder);
    console.log(`migration 0013 (data move) on ${rows} rows: ${(performance.now() - started).toFixed(0)} ms`);
    started = performance.now();
    const sealed = await sealAuditChain(target.db);
    const sealMs = performance.now() - started;
    console.log(
      `seal: ${sealed} rows in ${sealMs.toFixed(0)} ms = ${((sealed / sealMs) * 1000).toFixed(0)} rows/s`,
    );
    const report = await verifyAuditChains(target.db);
    console.log(
      `verify: ${report.entriesChecked} entries, ${report.chains} chains, broken: ${report.broken?.id ?? "none"}`,
    );
    if (report.broken || sealed !== rows) process.exitCode = 1;
  } finally {
    fs.rmSync(before, { recursive: true, force: true });
    await target.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
