import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, getDatabaseHandleMode, getDb, migrationsFolder } from "./client";

/** Applies the committed migrations with the migrator of the driver in use. */
export async function migrateDatabase(): Promise<void> {
  const db = await getDb();
  const mode = await getDatabaseHandleMode();
  const config = { migrationsFolder };
  if (mode === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  } else if (mode === "neon") {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  }
}

function journalEntryCount(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Readiness: every committed migration has been applied to this database. */
export async function pendingMigrationCount(db: Database): Promise<number> {
  const rows = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  const applied = Number((rows as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0);
  return Math.max(0, journalEntryCount() - applied);
}
