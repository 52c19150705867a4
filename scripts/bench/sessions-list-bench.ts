/**
 * `GET /v1/sessions` latency at scale, over HTTP through the real route handler, on Postgres: p50/p95 of the first
 * page, pages deep in a keyset walk, a status filter and a suite filter, (a) for one account holding N sessions and
 * (b) for one of many accounts sharing N sessions.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench/sessions-list-bench.ts [sessions=1000000] [accounts=10000]
 * It creates (and drops) a database of its own next to DATABASE_URL's. Target: p95 < 50 ms.
 */
import pg from "pg";

const total = Number(process.argv[2] ?? 1_000_000);
const manyAccounts = Number(process.argv[3] ?? 10_000);
const samples = 200;
const base = process.env.DATABASE_URL;
if (!base) throw new Error("Set DATABASE_URL to a Postgres the bench may create a database next to");
const dbName = `tp_list_bench_${process.pid}`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(statement);
  await client.end();
}
await admin(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
process.env.DATABASE_URL = url.toString();
process.env.RATE_LIMIT_KEY_RPS = "1000000";
process.env.RATE_LIMIT_USER_RPS = "1000000";

// The app's modules read DATABASE_URL when first used: import them after it is set.
const { ensureDatabaseReady } = await import("@/db/bootstrap");
const { closeDb } = await import("@/db/client");
const { createTestCaller } = await import("@/db/test-factories");
const { startApiTestServer } = await import("../../test/helpers/api-test-server");

const direct = new pg.Client({ connectionString: url.toString() });
async function seed(userIds: string[], perUser: number) {
  const { rows } = await direct.query<{ id: string }>("select id from suites order by slug");
  const suiteIds = rows.map((row) => row.id);
  // Sessions of the personal workspace (id = the user's id) when the schema has workspaces.
  const workspaceColumn = (
    await direct.query(
      "select 1 from information_schema.columns where table_name = 'sessions' and column_name = 'workspace_id'",
    )
  ).rowCount
    ? ", workspace_id"
    : "";
  for (const userId of userIds) {
    await direct.query(
      `insert into sessions (user_id${workspaceColumn}, suite_id, description, storage_path, status, created_at)
       select $1${workspaceColumn ? ", $1" : ""}, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)],
         'Recorded session ' || n, 'sessions/bench/' || n,
         (array['completed','completed','completed','failed','processing']::session_status[])[1 + n % 5],
         now() - (n || ' seconds')::interval
       from generate_series(1, $3::int) as n`,
      [userId, suiteIds, perUser],
    );
  }
  await direct.query("analyze sessions");
  return suiteIds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1));
}

async function time(baseUrl: string, key: string, query: string) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/v1/sessions${query}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (!response.ok) throw new Error(`GET /v1/sessions${query} answered ${response.status}`);
  const body = (await response.json()) as { data: unknown[]; next_cursor: string | null };
  return { ms: performance.now() - started, body };
}

async function measure(baseUrl: string, key: string, suiteId: string) {
  const cases: Record<string, () => Promise<number>> = {
    "first page": async () => (await time(baseUrl, key, "")).ms,
    "status=failed": async () => (await time(baseUrl, key, "?status=failed")).ms,
    [`suite_id filter`]: async () => (await time(baseUrl, key, `?suite_id=${suiteId}`)).ms,
    "oldest first": async () => (await time(baseUrl, key, "?order=oldest")).ms,
  };
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, run] of Object.entries(cases)) {
    await run(); // warm-up
    const times: number[] = [];
    for (let n = 0; n < samples; n++) times.push(await run());
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
  }
  // A keyset walk: every page of the walk timed, 100 pages deep.
  const walk: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { ms, body } = await time(baseUrl, key, cursor ? `?cursor=${encodeURIComponent(cursor)}` : "");
    walk.push(ms);
    cursor = body.next_cursor;
    if (!cursor) break;
  }
  results["keyset walk (100 pages)"] = { p50: percentile(walk, 50), p95: percentile(walk, 95) };
  return results;
}

try {
  await ensureDatabaseReady();
  await direct.connect();
  const server = await startApiTestServer();
  const report: Record<string, unknown> = { sessions: total, target: "p95 < 50 ms" };

  const one = await createTestCaller("read");
  const [suiteId] = await seed([one.user.id], total);
  report[`one account, ${total} sessions`] = await measure(server.url, one.secret, suiteId ?? "");
  await direct.query("truncate sessions cascade");

  const owners = [];
  for (let n = 0; n < manyAccounts; n++) owners.push((await createTestCaller("read")).user.id);
  const probe = await createTestCaller("read");
  await seed([...owners, probe.user.id], Math.floor(total / (manyAccounts + 1)));
  report[`one of ${manyAccounts + 1} accounts, ${total} sessions in all`] = await measure(
    server.url,
    probe.secret,
    suiteId ?? "",
  );
  console.log(JSON.stringify(report, null, 2));
  await server.close();
} finally {
  await direct.end().catch(() => undefined);
  await closeDb();
  await admin(`drop database if exists ${dbName} with (force)`);
}
