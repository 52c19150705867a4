import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChains } from "@/scripts/audit/verify-audit-chains";
import { type Database, migrationsFolder } from "./client";
import { listAuditChainBatch } from "./queries/audit-log";
import * as schema from "./schema";
import { sealAuditChain } from "./seal-audit-chain";

// Migration 0014 turns the audit log into hash chains: it moves the old columns (user_id, action) into workspace,
// actor and type and numbers each chain; start-up (`sealAuditChain`) then hashes the old rows in that order. Both
// run here on their own database (an in-memory PGlite, and a scratch database on the server in DATABASE_URL when
// set) that first gets only the migrations before 0014 and rows in the old shape.

const MIGRATION = "0014_audit-chain";

interface Target {
  db: Database;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  tempDirs.push(dir);
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function openPglite(): Promise<Target> {
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

async function openScratchPostgres(serverUrl: string): Promise<Target> {
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const name = `tracepipe_migration_${crypto.randomUUID().replaceAll("-", "")}`;
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

/** Old-shape rows of two users and one anonymous row, inserted out of time order. */
async function seedOldRows(db: Database) {
  const [alice, bob] = [crypto.randomUUID(), crypto.randomUUID()];
  const key = crypto.randomUUID();
  const rows: [string | null, string, string, Record<string, unknown>][] = [
    [alice, "api_key.created", "2026-01-01T10:00:03Z", { apiKeyId: key, scope: "full" }],
    [alice, "user.sign_up", "2026-01-01T10:00:01Z", { method: "password" }],
    [bob, "user.sign_up", "2026-01-02T09:00:00Z", { method: "entra" }],
    [alice, "user.sign_in", "2026-01-01T10:00:02.123456Z", { method: "password" }],
    [null, "user.sign_in", "2026-01-03T00:00:00Z", {}],
    [alice, "api_key.revoked", "2026-01-04T00:00:00Z", { apiKeyId: key }],
  ];
  for (const [userId, action, at, metadata] of rows) {
    await db.execute(sql`
      insert into audit_log (user_id, action, ip, user_agent, metadata, created_at)
      values (${userId}, ${action}, '2001:db8:0::1', 'Mozilla/5.0', ${JSON.stringify(metadata)}::jsonb, ${at})`);
  }
  return { alice, bob, key };
}

async function checkMigration(target: Target) {
  await target.migrate(migrationsBefore(MIGRATION));
  const { alice, bob, key } = await seedOldRows(target.db);
  await target.migrate(migrationsFolder);

  const aliceChain = await listAuditChainBatch(target.db, { workspaceId: alice, afterSeq: 0, limit: 100 });
  expect(aliceChain.map((e) => [e.seq, e.type])).toEqual([
    [1, "user.sign_up"],
    [2, "user.sign_in"],
    [3, "api_key.created"],
    [4, "api_key.revoked"],
  ]);
  expect(aliceChain[2]).toMatchObject({
    actorType: "user",
    actorId: alice,
    targetType: "api_key",
    targetId: key,
    ip: "2001:db8::1",
    metadata: { apiKeyId: key, scope: "full" },
    hash: null,
  });
  expect(aliceChain[0]).toMatchObject({ targetType: "user", targetId: alice });
  const anonymous = await listAuditChainBatch(target.db, { workspaceId: null, afterSeq: 0, limit: 100 });
  expect(anonymous).toMatchObject([{ seq: 1, actorType: "anonymous", actorId: null }]);
  // Still append-only after the data move.
  await expect(target.db.execute(sql`update audit_log set type = 'x'`)).rejects.toThrow();

  expect((await verifyAuditChains(target.db)).broken).toMatchObject({
    reason: "entry is not sealed (no hash)",
  });
  expect(await sealAuditChain(target.db)).toBe(6);
  const report = await verifyAuditChains(target.db);
  expect(report).toEqual({ chains: 3, entriesChecked: 6, broken: null });
  // Deterministic, and done once: a second start-up changes nothing.
  const sealed = await listAuditChainBatch(target.db, { workspaceId: bob, afterSeq: 0, limit: 100 });
  expect(await sealAuditChain(target.db)).toBe(0);
  expect(await listAuditChainBatch(target.db, { workspaceId: bob, afterSeq: 0, limit: 100 })).toEqual(sealed);
  await expect(target.db.execute(sql`delete from audit_log`)).rejects.toThrow();
}

describe("migration 0014: audit chain", () => {
  it("moves and seals old rows on PGlite", async () => {
    const target = await openPglite();
    try {
      await checkMigration(target);
    } finally {
      await target.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)("moves and seals old rows on the Postgres server", async () => {
    const target = await openScratchPostgres(process.env.DATABASE_URL ?? "");
    try {
      await checkMigration(target);
    } finally {
      await target.close();
    }
  });
});
