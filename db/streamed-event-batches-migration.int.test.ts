import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  migrationsBefore,
  openPglite,
  openScratchPostgres,
  type Target,
} from "@/test/helpers/migration-targets";
import { migrationsFolder } from "./client";

// Migration 0004 replaces session_events (one jsonb row per event) with session_event_ids and
// session_event_batches, moving the rows a database already holds. It runs here on its own database (an
// in-memory PGlite, and a scratch database on the server in DATABASE_URL when set) that first gets only the
// migrations before it and rows in the old table.

const MIGRATION = "0004_streamed-event-batches";

/** Old-table rows: a short session inserted out of id order, and a long one (~1.7 MB) interleaved with it. */
async function seedOldRows(target: Target) {
  const userId = crypto.randomUUID();
  const suiteId = crypto.randomUUID();
  const [short, long] = [crypto.randomUUID(), crypto.randomUUID()];
  await target.execute(
    sql`insert into users (id, email, display_name) values (${userId}, 'm@example.test', 'M')`,
  );
  await target.execute(
    sql`insert into suites (id, slug, name, description, origins) values (${suiteId}, 'migration', 'M', 'M', '[]')`,
  );
  for (const id of [short, long]) {
    await target.execute(
      sql`insert into sessions (id, user_id, suite_id, storage_path) values (${id}, ${userId}, ${suiteId}, ${`sessions/${id}/`})`,
    );
  }
  const insertLong = (from: number, to: number) =>
    target.execute(sql`
      insert into session_events (session_id, event_id, body)
      select ${long}, 'l-' || lpad(i::text, 5, '0'),
        jsonb_build_object('id', 'l-' || lpad(i::text, 5, '0'), 'timestamp', 1763726400000 + i, 'type', 'click',
          'target', jsonb_build_object('text', repeat('x', 600)))
      from generate_series(${from}::int, ${to}::int) as i
      order by i`);
  await insertLong(1, 1000);
  for (const id of ["z", "a", "m"]) {
    await target.execute(
      sql`insert into session_events (session_id, event_id, body) values (${short}, ${id}, ${JSON.stringify({ id, timestamp: 1, type: "click", text: "é\nline" })}::jsonb)`,
    );
  }
  await insertLong(1001, 2500);
  return { short, long };
}

async function oldLines(target: Target, sessionId: string) {
  const rows = await target.execute<{ event_id: string; line: string }>(
    sql`select event_id, body::text as line from session_events where session_id = ${sessionId} order by seq`,
  );
  return { ids: rows.map((r) => r.event_id).sort(), lines: rows.map((r) => r.line) };
}

async function newRows(target: Target, sessionId: string) {
  const ids = await target.execute<{ event_id: string }>(
    sql`select event_id from session_event_ids where session_id = ${sessionId}`,
  );
  const batches = await target.execute<{ seq: string; event_count: number; body: string; bytes: number }>(
    sql`select seq::text as seq, event_count, body, octet_length(body) as bytes
        from session_event_batches where session_id = ${sessionId} order by seq`,
  );
  return { ids: ids.map((r) => r.event_id).sort(), batches };
}

async function checkMigration(target: Target) {
  await target.migrate(migrationsBefore(MIGRATION));
  const { short, long } = await seedOldRows(target);
  const before = { short: await oldLines(target, short), long: await oldLines(target, long) };
  expect(before.long.lines).toHaveLength(2500);

  await target.migrate(migrationsFolder);

  const [gone] = await target.execute<{ name: string | null }>(
    sql`select to_regclass('public.session_events')::text as name`,
  );
  expect(gone?.name).toBeNull();

  const shortAfter = await newRows(target, short);
  expect(shortAfter.ids).toEqual(["a", "m", "z"]);
  expect(shortAfter.batches).toHaveLength(1);
  expect(shortAfter.batches[0]?.event_count).toBe(3);
  expect(shortAfter.batches[0]?.body).toBe(before.short.lines.join("\n"));
  expect(before.short.lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(["z", "a", "m"]);

  const longAfter = await newRows(target, long);
  expect(longAfter.ids).toEqual(before.long.ids);
  // A long session is cut into batches of about a MiB, in order, that together hold every event once.
  expect(longAfter.batches.length).toBeGreaterThan(1);
  for (const batch of longAfter.batches) expect(batch.bytes).toBeLessThan(1024 * 1024 + 1024);
  expect(longAfter.batches.reduce((sum, b) => sum + b.event_count, 0)).toBe(2500);
  expect(longAfter.batches.map((b) => b.body).join("\n")).toBe(before.long.lines.join("\n"));
  for (const batch of longAfter.batches) expect(batch.body.split("\n")).toHaveLength(batch.event_count);

  // The sequence continues after the moved batches, so new requests sort after them.
  const maxSeq = Math.max(...[...shortAfter.batches, ...longAfter.batches].map((b) => Number(b.seq)));
  const [added] = await target.execute<{ seq: string }>(
    sql`insert into session_event_batches (session_id, event_count, body) values (${short}, 1, '{}') returning seq::text as seq`,
  );
  expect(Number(added?.seq)).toBeGreaterThan(maxSeq);

  // Deleting a session removes its ids (trigger) and its batches (foreign key).
  await target.execute(sql`delete from sessions where id = ${long}`);
  expect((await newRows(target, long)).ids).toEqual([]);
  expect((await newRows(target, long)).batches).toEqual([]);
  expect((await newRows(target, short)).ids).toHaveLength(3);
}

describe(`migration ${MIGRATION}`, () => {
  it("moves session_events rows into ids and NDJSON batches on PGlite", async () => {
    const target = await openPglite();
    try {
      await checkMigration(target);
    } finally {
      await target.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "moves session_events rows into ids and NDJSON batches on the Postgres server",
    async () => {
      const target = await openScratchPostgres(process.env.DATABASE_URL ?? "");
      try {
        await checkMigration(target);
      } finally {
        await target.close();
      }
    },
  );
});
