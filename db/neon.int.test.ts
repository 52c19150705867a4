import { count, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useNeonTestDatabase } from "@/test/helpers/neon-test-database";
import { getDatabaseHandleMode, getDb } from "./client";
import { suites, users } from "./schema";

/**
 * The production Neon driver (`@neondatabase/serverless` over WebSockets), exercised for real against the
 * Postgres in DATABASE_URL through a local WebSocket-to-TCP proxy, the way Neon documents local development.
 * Needs a Postgres server, so it runs in the DATABASE_URL pass of `npm run test:int`.
 */
const databaseUrl = process.env.DATABASE_URL;
// The driver-independent `Database` type leaves `execute()` results untyped; node-postgres and Neon return `{ rows }`.
// Emails carry a per-run tag so assertions only see this run's rows on a shared server.
const tag = `neon-${crypto.randomUUID().slice(0, 8)}`;
const email = (name: string) => `${tag}-${name}@example.test`;
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe.skipIf(!databaseUrl)("Neon serverless driver through a local wsproxy", () => {
  const proxy = useNeonTestDatabase(databaseUrl);

  it("opened the app database with the Neon driver, through the proxy", async () => {
    expect(await getDatabaseHandleMode()).toBe("neon");
    expect(proxy().connections()).toBeGreaterThan(0);
    const db = await getDb();
    const result = await db.execute(sql`select current_database() as name, version() as version`);
    expect(rowsOf(result)[0]).toMatchObject({ name: new URL(databaseUrl!).pathname.slice(1) });
  });

  it("sees the migrated schema and the seeded catalog", async () => {
    const db = await getDb();
    const [row] = await db.select({ value: count() }).from(suites);
    expect(row?.value).toBeGreaterThan(0);
  });

  it("inserts and reads rows", async () => {
    const db = await getDb();
    const [user] = await db
      .insert(users)
      .values({ email: email("neon-driver"), displayName: "Neon" })
      .returning({ id: users.id });
    const [found] = await db.select({ email: users.email }).from(users).where(eq(users.id, user!.id));
    expect(found?.email).toBe(email("neon-driver"));
  });

  it("commits a transaction and rolls one back on error", async () => {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ email: email("committed"), displayName: "A" });
      await tx.insert(users).values({ email: email("committed-2"), displayName: "B" });
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ email: email("rolled-back"), displayName: "C" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // A unique violation inside a transaction also rolls back everything before it.
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ email: email("before-conflict"), displayName: "D" });
        await tx.insert(users).values({ email: email("committed").toUpperCase(), displayName: "E" });
      }),
    ).rejects.toThrow();
    const rows = await db
      .select({ email: users.email })
      .from(users)
      .where(like(users.email, `${tag}-%`));
    expect(rows.map((u) => u.email).sort()).toEqual(
      [email("committed-2"), email("committed"), email("neon-driver")].sort(),
    );
  });

  it("runs concurrent queries over several pooled WebSocket connections", async () => {
    const db = await getDb();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => db.execute(sql`select ${i}::int as n, pg_sleep(0.05)`)),
    );
    expect(results.map((r) => rowsOf(r)[0]?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(proxy().connections()).toBeGreaterThan(1);
  });
});
