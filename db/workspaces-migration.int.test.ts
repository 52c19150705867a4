import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  migrationsBefore,
  openPglite,
  openScratchPostgres,
  type Target,
} from "@/test/helpers/migration-targets";
import { migrationsFolder } from "./client";

// Migration 0012 moves ownership from users to workspaces: every user gets a personal workspace with their own
// id, and every owned row gets `workspace_id = user_id`. It runs here on a database populated in the old shape.

const MIGRATION = "0012_workspaces";
const OWNED_TABLES = [
  "sessions",
  "examples",
  "review_items",
  "api_keys",
  "usage_records",
  "idempotency_keys",
  "direct_upload_files",
] as const;

async function seedOldRows(target: Target) {
  const [alice, bob] = [crypto.randomUUID(), crypto.randomUUID()];
  const [suite, server, map, model] = [
    crypto.randomUUID(),
    crypto.randomUUID(),
    crypto.randomUUID(),
    crypto.randomUUID(),
  ];
  const run = (query: ReturnType<typeof sql>) => target.execute(query);
  for (const [id, name] of [
    [alice, "alice"],
    [bob, "bob"],
  ] as const) {
    await run(
      sql`insert into users (id, email, display_name) values (${id}, ${`${name}@example.test`}, ${name})`,
    );
  }
  await run(
    sql`insert into suites (id, slug, name, description, origins) values (${suite}, 'm', 'M', 'M', '[]')`,
  );
  await run(sql`insert into mcp_servers (id, slug, name, description) values (${server}, 'm', 'M', 'M')`);
  await run(
    sql`insert into action_tool_maps (id, slug, suite_id, mcp_server_id) values (${map}, 'm', ${suite}, ${server})`,
  );
  await run(
    sql`insert into models (id, slug, provider, name, description) values (${model}, 'm', 'p', 'M', 'M')`,
  );
  const sessions = { alice: [crypto.randomUUID(), crypto.randomUUID()], bob: [crypto.randomUUID()] };
  for (const [owner, ids] of [
    [alice, sessions.alice],
    [bob, sessions.bob],
  ] as const) {
    for (const id of ids) {
      await run(
        sql`insert into sessions (id, user_id, suite_id, storage_path) values (${id}, ${owner}, ${suite}, ${`sessions/${id}/`})`,
      );
    }
    await run(sql`insert into api_keys (user_id, name, key_hash, display_prefix, display_suffix, scope)
      values (${owner}, 'k', ${crypto.randomUUID()}, 'tp_live_', 'abcd', 'full')`);
    await run(sql`insert into usage_records (user_id, kind, quantity, idempotency_key)
      values (${owner}, 'input_tokens', 10, ${crypto.randomUUID()})`);
    await run(
      sql`insert into idempotency_keys (user_id, key, scope) values (${owner}, 'same-key', 'sessions:create')`,
    );
  }
  await run(sql`insert into examples (user_id, session_id, model_id, action_tool_map_id)
    values (${alice}, ${sessions.alice[0]}, ${model}, ${map})`);
  await run(sql`insert into review_items (user_id, session_id, suite_id, action_id, action, reasons, action_tool_map_id,
      tool_server, tool_name, proposed_arguments, evidence)
    values (${alice}, ${sessions.alice[0]}, ${suite}, 'a1', 'send', '{low_confidence}', ${map}, 's', 't', '{}', '{}')`);
  await run(sql`insert into direct_upload_files (storage_key, session_id, user_id, max_bytes)
    values (${`sessions/${crypto.randomUUID()}/f`}, ${crypto.randomUUID()}, ${bob}, 10)`);
  const unsent = { sessionId: sessions.alice[1], userId: alice };
  await run(
    sql`insert into outbox_events (id, name, data) values ('unsent', 'session/uploaded', ${JSON.stringify(unsent)}::jsonb)`,
  );
  await run(sql`insert into outbox_events (id, name, data, sent_at)
    values ('sent', 'session/uploaded', ${JSON.stringify(unsent)}::jsonb, now())`);
  await run(sql`insert into job_runs (function_id, event_id, event_name, event)
    values ('process-session', 'e1', 'session/uploaded', ${JSON.stringify({ name: "session/uploaded", data: unsent })}::jsonb)`);
  return { alice, bob, suite };
}

async function checkMigration(target: Target) {
  await target.migrate(migrationsBefore(MIGRATION));
  const { alice, bob, suite } = await seedOldRows(target);
  const counts: Record<string, number> = {};
  for (const table of OWNED_TABLES) {
    const [row] = await target.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    counts[table] = row?.n ?? 0;
    expect(counts[table], table).toBeGreaterThan(0);
  }

  await target.migrate(migrationsFolder);

  const workspaces = await target.execute<{ id: string; personal: boolean; user_id: string; role: string }>(
    sql`select w.id, w.personal, m.user_id, m.role from workspaces w join workspace_members m on m.workspace_id = w.id order by w.id`,
  );
  expect(workspaces.map((w) => [w.id, w.personal, w.user_id, w.role]).sort()).toEqual(
    [
      [alice, true, alice, "owner"],
      [bob, true, bob, "owner"],
    ].sort(),
  );
  // Every row kept, each in its owner's personal workspace.
  for (const table of OWNED_TABLES) {
    const [row] = await target.execute<{ n: number; alice: number; bob: number }>(
      sql`select count(*)::int as n, count(*) filter (where workspace_id = ${alice})::int as alice,
            count(*) filter (where workspace_id = ${bob})::int as bob from ${sql.identifier(table)}`,
    );
    expect(row?.n, table).toBe(counts[table]);
    expect((row?.alice ?? 0) + (row?.bob ?? 0), table).toBe(counts[table]);
  }
  const [sessionsOfAlice] = await target.execute<{ n: number }>(
    sql`select count(*)::int as n from sessions where workspace_id = ${alice} and user_id = ${alice}`,
  );
  expect(sessionsOfAlice?.n).toBe(2);
  // Idempotency keys are the workspace's now: the same key in two workspaces stays two rows.
  const idempotencyColumns = await target.execute<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_name = 'idempotency_keys' and column_name = 'user_id'`,
  );
  expect(idempotencyColumns).toEqual([]);

  // Queued events name the workspace; sent ones are history and stay as they were.
  const outbox = await target.execute<{ id: string; workspace_id: string | null }>(
    sql`select id, data->>'workspaceId' as workspace_id from outbox_events order by id`,
  );
  expect(outbox).toEqual([
    { id: "sent", workspace_id: null },
    { id: "unsent", workspace_id: alice },
  ]);
  const [run] = await target.execute<{ workspace_id: string }>(
    sql`select event->'data'->>'workspaceId' as workspace_id from job_runs`,
  );
  expect(run?.workspace_id).toBe(alice);

  // A user created from now on gets a personal workspace, whoever inserts the row.
  const carol = crypto.randomUUID();
  await target.execute(
    sql`insert into users (id, email, display_name) values (${carol}, 'carol@example.test', 'carol')`,
  );
  const [personal] = await target.execute<{ role: string; personal: boolean }>(
    sql`select m.role, w.personal from workspaces w join workspace_members m on m.workspace_id = w.id where w.id = ${carol}`,
  );
  expect(personal).toEqual({ role: "owner", personal: true });
  // Ownership is required.
  await expect(
    target.execute(
      sql`insert into sessions (id, user_id, suite_id, storage_path) values (${crypto.randomUUID()}, ${carol}, ${suite}, 'x')`,
    ),
  ).rejects.toThrow();
}

describe(`migration ${MIGRATION}`, () => {
  it("moves every user's rows into their personal workspace on PGlite", async () => {
    const target = await openPglite();
    try {
      await checkMigration(target);
    } finally {
      await target.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "moves every user's rows into their personal workspace on the Postgres server",
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
