/**
 * Crash durability of the built app, over HTTP: a client streams a session's events in batches while the server
 * is killed with SIGKILL at random moments and restarted on the same data; then the session is completed and an
 * example requested, with one more kill in the middle of each. Prints events acknowledged vs stored, examples and
 * usage rows, and exits 1 on any loss or duplicate.
 *
 *   npm run build && npx tsx scripts/probes/crash-durability-probe.ts [events=20000] [kills=6]
 * With DATABASE_URL set, the app runs on that Postgres (it creates and drops a database of its own there);
 * otherwise on the embedded PGlite in a temporary data directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { gmailRecordingLines } from "../../test/helpers/gmail-recording";
import { type BenchServer, startBenchServer } from "../bench/bench-server";

const eventTarget = Number(process.argv[2] ?? "20000");
const kills = Number(process.argv[3] ?? "6");
const batchSize = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ownDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `tp_crash_probe_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracepipe-crash-probe-"));
const database = await ownDatabase();
let server: BenchServer = await startBenchServer({ dataDir, databaseUrl: database?.url ?? "" });
const { seedKey, baseUrl } = server;
const port = Number(new URL(baseUrl).port);
let restarts = 0;
let connectionRetries = 0;

async function crashAndRestart(): Promise<void> {
  await server.kill();
  restarts += 1;
  server = await startBenchServer({ dataDir, port, seedKey, databaseUrl: database?.url ?? "" });
}

/** A request that survives the server dying under it: retried (same body, so the same event ids) until answered. */
async function call(method: string, route: string, body?: unknown): Promise<Response> {
  for (;;) {
    try {
      return await fetch(`${baseUrl}${route}`, {
        method,
        headers: { authorization: `Bearer ${seedKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      connectionRetries += 1;
      await sleep(200); // connection refused or reset: the server is down, or restarting
    }
  }
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const lines = gmailRecordingLines({ emails: Math.ceil(eventTarget / 40), scrollNoise: 30 }).slice(
  0,
  eventTarget,
);
const events = lines.map((line) => JSON.parse(line) as { id: string });

const opened = await call("POST", "/v1/sessions", { suite_id: "gmail" });
if (opened.status !== 201) throw new Error(`opening the session answered ${opened.status}`);
const sessionId = ((await opened.json()) as { id: string }).id;

// The killer: SIGKILL at random moments while the client streams.
let streaming = true;
const killer = (async () => {
  for (let k = 0; k < kills - 2 && streaming; k += 1) {
    await sleep(300 + Math.random() * 1500);
    if (streaming) await crashAndRestart();
  }
})();

const acknowledged = new Set<string>();
let requests = 0;
let serverErrors = 0;
for (let start = 0; start < events.length; start += batchSize) {
  const batch = events.slice(start, start + batchSize);
  for (;;) {
    requests += 1;
    const response = await call("POST", `/v1/sessions/${sessionId}/events`, batch);
    if (response.status === 202) {
      for (const event of batch) acknowledged.add(event.id);
      break;
    }
    if (response.status >= 500) serverErrors += 1;
    await sleep(200);
  }
}
streaming = false;
await killer;

// Mid-pipeline: complete, then kill while the pipeline runs; the executor resumes the run after the restart.
await call("POST", `/v1/sessions/${sessionId}/complete`);
await sleep(150);
await crashAndRestart();
const session = await waitFor("the session to complete", async () => {
  const body = (await (await call("GET", `/v1/sessions/${sessionId}`)).json()) as {
    status: string;
    event_count: number;
  };
  if (body.status === "failed") throw new Error(`the session failed: ${JSON.stringify(body)}`);
  return body.status === "completed" ? body : undefined;
});

// Mid-example: request one example, kill while it is generated.
const requested = await call("POST", "/v1/examples", { session_id: sessionId });
const exampleId = ((await requested.json()) as { id: string }).id;
await sleep(100);
await crashAndRestart();
await waitFor("the example to complete", async () => {
  const body = (await (await call("GET", `/v1/examples/${exampleId}`)).json()) as { status: string };
  return body.status === "completed" ? body : undefined;
});
const listed = (await (await call("GET", `/v1/examples?session_id=${sessionId}`)).json()) as {
  data: { id: string }[];
};

const lost = acknowledged.size - Math.min(acknowledged.size, session.event_count);
const duplicated = Math.max(0, session.event_count - events.length);
console.log(
  JSON.stringify(
    {
      database: database ? "postgres" : "pglite",
      kills: restarts,
      requests,
      connection_retries: connectionRetries,
      server_errors: serverErrors,
      events_sent: events.length,
      events_acknowledged: acknowledged.size,
      events_stored: session.event_count,
      lost,
      duplicated,
      examples_for_session: listed.data.length,
    },
    null,
    2,
  ),
);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
await database?.drop();
process.exit(
  lost === 0 && duplicated === 0 && acknowledged.size === events.length && listed.data.length === 1 ? 0 : 1,
);
