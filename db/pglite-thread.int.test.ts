import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "./client";
import { PGliteThread } from "./pglite-thread";
import { closeTestDatabase, openTestDatabase } from "./test-database";

const notes = pgTable("notes", {
  id: integer("id").primaryKey(),
  body: text("body").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
});

// The thread is what the embedded default runs on; the Postgres pass of the suite has nothing to add here.
describe.skipIf(Boolean(process.env.DATABASE_URL))("PGlite on its own thread", () => {
  let dataDir: string;
  let client: PGliteThread;
  let db: ReturnType<typeof drizzle<{ notes: typeof notes }>>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-pglite-thread-"));
    client = await PGliteThread.open(dataDir);
    db = drizzle(client as never, { schema: { notes } });
    await client.exec(
      "create table notes (id integer primary key, body text not null, at timestamptz not null)",
    );
  });

  afterAll(async () => {
    await client.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers Drizzle's queries with its row shapes and types", async () => {
    const at = new Date("2026-11-22T01:02:03.456Z");
    await db.insert(notes).values({ id: 1, body: "first", at });
    expect(await db.select().from(notes).where(eq(notes.id, 1))).toEqual([{ id: 1, body: "first", at }]);
    const raw = await db.execute<{ n: number; doc: unknown }>(
      sql`select count(*)::int as n, ${JSON.stringify({ a: [1, 2] })}::jsonb as doc from notes`,
    );
    expect(raw.rows).toEqual([{ n: 1, doc: { a: [1, 2] } }]);
    const array = await client.query("select $1::text[] as ids", [["a", 'b"c', "d,e"]]);
    expect(array.rows).toEqual([{ ids: ["a", 'b"c', "d,e"] }]);
  });

  it("keeps Postgres error fields across the thread boundary", async () => {
    const error = await db
      .insert(notes)
      .values({ id: 1, body: "again", at: new Date() })
      .then(() => undefined)
      .catch((e: unknown) => e);
    const cause = (error as { cause?: Record<string, unknown> }).cause;
    expect(cause).toMatchObject({ code: "23505", constraint: "notes_pkey", table: "notes" });
    expect((cause as unknown as Error).message).toMatch(/duplicate key/);
  });

  it("commits a transaction, rolls back a failed one and a failed savepoint", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 2, body: "committed", at: new Date() });
      await tx
        .transaction(async (inner) => {
          await inner.insert(notes).values({ id: 3, body: "savepoint rolled back", at: new Date() });
          throw new Error("inner fails");
        })
        .catch(() => undefined);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(notes).values({ id: 4, body: "rolled back", at: new Date() });
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    await db
      .transaction(async (tx) => {
        await tx.insert(notes).values({ id: 5, body: "explicit rollback", at: new Date() });
        tx.rollback();
      })
      .catch(() => undefined);
    const ids = (await db.select({ id: notes.id }).from(notes).orderBy(notes.id)).map((r) => r.id);
    expect(ids).toEqual([1, 2]);
  });

  it("makes a statement outside a transaction wait until the transaction ends", async () => {
    let releaseTransaction = () => {};
    const open = new Promise<void>((resolve) => {
      releaseTransaction = resolve;
    });
    const transaction = db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 10, body: "inside", at: new Date() });
      await open;
    });
    // Let BEGIN and the insert reach the thread before the outside statement is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outside = db.select({ id: notes.id }).from(notes).where(eq(notes.id, 10));
    const order: string[] = [];
    const seen = outside.then((rows) => {
      order.push("outside");
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push("commit");
    releaseTransaction();
    await transaction;
    expect(await seen).toEqual([{ id: 10 }]);
    expect(order).toEqual(["commit", "outside"]);
  });

  it("refuses a parser that cannot cross the thread boundary", async () => {
    await expect(
      client.query("select 1", [], { parsers: { 25: (value) => value.toUpperCase() } }),
    ).rejects.toThrow(/identity parsers/);
  });

  it("lets a script exit once its statements are done, without closing the database", () => {
    const scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-pglite-exit-"));
    const script = path.join(scriptDir, "script.mts");
    fs.writeFileSync(
      script,
      `import { PGliteThread } from ${JSON.stringify(path.resolve("db/pglite-thread.ts"))};
      const client = await PGliteThread.open(${JSON.stringify(path.join(scriptDir, "pglite"))});
      const result = await client.query("select 41 + 1 as answer");
      console.log(JSON.stringify(result.rows));`,
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: process.cwd(),
      encoding: "utf8",
      // Generous: the question is whether the script exits at all (a ref'd worker would hang it), and a loaded
      // 2-core machine needs well over 30 s to start tsx and open PGlite.
      timeout: 180_000,
    });
    fs.rmSync(scriptDir, { recursive: true, force: true });
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('[{"answer":42}]');
  }, 200_000);
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("the app's embedded database when its thread dies", () => {
  it("opens the database again for the next caller, with everything committed before", async () => {
    const { dataDir } = await openTestDatabase();
    try {
      const db = await getDb();
      await db.execute(sql`create table survivors (n integer)`);
      await db.execute(sql`insert into survivors values (1)`);
      await (db as unknown as { $client: PGliteThread }).$client.terminate();
      const failed = await db.execute(sql`select 1`).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((failed as { cause?: Error }).cause?.message).toMatch(/PGlite thread exited/);
      const reopened = await getDb();
      expect(reopened).not.toBe(db);
      const result = await reopened.execute(sql`select n from survivors`);
      expect((result as unknown as { rows: unknown[] }).rows).toEqual([{ n: 1 }]);
    } finally {
      await closeTestDatabase(dataDir);
    }
  });
});
