/**
 * Ingest benchmark (`npm run bench`): the built app in the embedded default, then against the Postgres server in
 * DATABASE_URL when set. Batches of 500 events, for POST /v1/sessions/{id}/events and two baselines on the same
 * server: /v1/bench/bare, which only answers 202 (the issue's "bare route"), and /v1/bench/noop, which also
 * authenticates, rate-limits and reads the body like the ingest route, so the ratio to it isolates what ingest adds:
 * - closed loop, 4 and 16 clients each sending its next batch when the last is acknowledged: the most events/s the
 *   server acknowledges, p50/p99 acknowledgement latency, and the ratio events/noop;
 * - open loop at the target rate (50k events/s, 100 batches/s spread over 16 sessions, sent on schedule whether or
 *   not earlier ones are answered): the latency a client sees at that load, measured from the scheduled send time.
 * In a closed loop the latency is the queue the clients themselves build (Little's law: 16 clients at 100 batches/s
 * wait 160 ms on average), so the open loop is what the p99 target is checked against.
 * Bounded: BENCH_SECONDS per run (default 8, BENCH_SIZE=reduced: 3). Run `next build` first.
 * BENCH_BASELINES=0 skips the noop and bare runs (for tuning the ingest queue's INGEST_FLUSH_* settings, which the
 * server reads from the environment); `uptime`'s load is printed with each database's table, as the machine is shared.
 */
import os from "node:os";
import { getEnv } from "@/lib/env";
import { makeEvent } from "@/lib/ingest/stream-session";
import { readCpuSeconds, readCpuSecondsOf, startBenchServer } from "./bench-server";

const BATCH = 500;
const TARGET_EVENTS_PER_SECOND = 50_000;
const reduced = process.env.BENCH_SIZE === "reduced";
const seconds = Number(process.env.BENCH_SECONDS ?? (reduced ? 3 : 8));
const concurrencies = [4, 16];
const withBaselines = process.env.BENCH_BASELINES !== "0";

interface RunResult {
  eventsPerSecond: number;
  /** Every acknowledged request, warm-up included: the denominator of the CPU figures. */
  acknowledged: number;
  p50: number;
  p99: number;
  requests: number;
  errors: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);

/**
 * Request bodies with ids never sent before, built by concatenation from events serialized once: the client shares
 * the machine's two cores with the server, and serializing 500 events per request would take its share.
 */
function batchBodies() {
  const tails = Array.from({ length: BATCH }, (_, i) =>
    JSON.stringify(makeEvent(i)).replace(/^\{"id":"[^"]*",/, ""),
  );
  let batch = 0;
  return () => {
    const prefix = `b${batch++}-`;
    return `[${tails.map((tail, i) => `{"id":"${prefix}${i}",${tail}`).join(",")}]`;
  };
}

async function createIngestKey(baseUrl: string, seedKey: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${seedKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "ingest bench", scope: "ingest" }),
  });
  if (response.status !== 201)
    throw new Error(`creating the bench key failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

async function openSession(baseUrl: string, key: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ suite_id: "gmail", description: "ingest bench" }),
  });
  if (response.status !== 201) throw new Error(`opening a session failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

type Target = "events" | "noop" | "bare";
const urlFor = (baseUrl: string, target: Target, sessionId: string) =>
  target === "events" ? `${baseUrl}/v1/sessions/${sessionId}/events` : `${baseUrl}/v1/bench/${target}`;

/**
 * Sends one batch; returns the HTTP status once the whole answer is read, or 0 when no answer came (the connection
 * failed, as it does when an overloaded server falls behind by a minute), counted as an error, not a crash of the run.
 */
async function post(url: string, key: string, body: string): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

function summarize(
  latencies: number[],
  errors: Record<string, number>,
  elapsedSeconds: number,
  acknowledged: number,
): RunResult {
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: (latencies.length * BATCH) / elapsedSeconds,
    acknowledged,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors,
  };
}

async function closedLoop(baseUrl: string, key: string, clients: number, target: Target): Promise<RunResult> {
  const sessions = await Promise.all(Array.from({ length: clients }, () => openSession(baseUrl, key)));
  const nextBody = batchBodies();
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const warmupEnd = performance.now() + 1_000;
  const end = warmupEnd + seconds * 1_000;
  let measuredFrom = Number.POSITIVE_INFINITY;
  let acknowledged = 0;
  await Promise.all(
    sessions.map(async (sessionId) => {
      const url = urlFor(baseUrl, target, sessionId);
      while (performance.now() < end) {
        const body = nextBody();
        const t0 = performance.now();
        const status = await post(url, key, body);
        if (status === 202) acknowledged++;
        if (t0 < warmupEnd) continue;
        measuredFrom = Math.min(measuredFrom, t0);
        if (status === 202) latencies.push(performance.now() - t0);
        else errors[status] = (errors[status] ?? 0) + 1;
      }
    }),
  );
  return summarize(latencies, errors, (performance.now() - measuredFrom) / 1000, acknowledged);
}

/** Batches sent on a fixed schedule; latency counts from the scheduled time, so a stalled server cannot hide it. */
async function openLoop(
  baseUrl: string,
  key: string,
  sessionsCount: number,
  target: Target,
): Promise<RunResult> {
  const sessions = await Promise.all(Array.from({ length: sessionsCount }, () => openSession(baseUrl, key)));
  const nextBody = batchBodies();
  const interval = (1_000 * BATCH) / TARGET_EVENTS_PER_SECOND;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const started = performance.now() + 100;
  const warmup = Math.round(1_000 / interval);
  const total = warmup + Math.round((seconds * 1_000) / interval);
  const inFlight: Promise<void>[] = [];
  let lastAnswer = started;
  let acknowledged = 0;
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = nextBody();
    inFlight.push(
      post(urlFor(baseUrl, target, sessions[i % sessionsCount] ?? ""), key, body).then((status) => {
        lastAnswer = performance.now();
        if (status === 202) acknowledged++;
        if (i < warmup) return;
        if (status === 202) latencies.push(performance.now() - scheduled);
        else errors[status] = (errors[status] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(inFlight);
  // Acknowledged rate over the measured schedule, stretched when the server answers the last batches late.
  return summarize(latencies, errors, (lastAnswer - (started + warmup * interval)) / 1_000, acknowledged);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function benchDatabase(label: string, databaseUrl: string) {
  // The limiter stays in the path (its two bucket updates are part of the cost); its rates are raised so the
  // bench measures throughput, not the production quota.
  const server = await startBenchServer({
    databaseUrl,
    env: { TRACEPIPE_BENCH_ROUTES: "1", RATE_LIMIT_INGEST_KEY_RPS: "100000", RATE_LIMIT_USER_RPS: "100000" },
  });
  try {
    const key = await createIngestKey(server.baseUrl, server.seedKey);
    const load = () =>
      os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(", ");
    const flush = Object.entries(process.env).filter(([name]) => name.startsWith("INGEST_"));
    process.stdout.write(
      `\n## ${label}: ${BATCH} events per batch, ${seconds} s per run after 1 s warm-up; load ${load()}${flush.length ? `; ${flush.map(([k, v]) => `${k}=${v}`).join(" ")}` : ""}\n`,
    );
    process.stdout.write(
      "clients | route  | events/s acked | p50 ms | p99 ms | requests | CPU ms per 1k events: server, database, client | errors\n",
    );
    // CPU per acknowledged event, from /proc: on a machine whose cores the server, the database and this load
    // generator share, throughput moves with whatever else runs, while the CPU each event costs hardly does.
    const localPostgres =
      databaseUrl !== "" && ["127.0.0.1", "localhost"].includes(new URL(databaseUrl).hostname);
    const measured = async (run: () => Promise<RunResult>) => {
      const before = {
        server: readCpuSeconds(server.pid),
        db: readCpuSecondsOf("postgres"),
        client: process.cpuUsage(),
      };
      const result = await run();
      const client = process.cpuUsage(before.client);
      const perThousand = (seconds: number) => ((seconds * 1000) / (result.acknowledged * BATCH)) * 1000;
      const cpu = [
        perThousand(readCpuSeconds(server.pid) - before.server),
        // A backend that exits during the run takes its CPU with it; the sum never reads below zero.
        localPostgres ? perThousand(Math.max(0, readCpuSecondsOf("postgres") - before.db)) : Number.NaN,
        perThousand((client.user + client.system) / 1e6),
      ];
      return { ...result, cpu };
    };
    const row = (clients: string, name: string, r: RunResult & { cpu: number[] }) =>
      process.stdout.write(
        `${clients.padStart(7)} | ${name.padEnd(6)} | ${fmt(r.eventsPerSecond).padStart(14)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.requests).padStart(8)} | ${r.cpu
          .map((ms) => (Number.isNaN(ms) ? "in server" : ms.toFixed(1)))
          .join(", ")
          .padStart(46)} | ${JSON.stringify(r.errors)}\n`,
      );
    for (const clients of concurrencies) {
      const ingest = await measured(() => closedLoop(server.baseUrl, key, clients, "events"));
      row(String(clients), "events", ingest);
      if (!withBaselines) continue;
      const noop = await measured(() => closedLoop(server.baseUrl, key, clients, "noop"));
      const bare = await measured(() => closedLoop(server.baseUrl, key, clients, "bare"));
      row(String(clients), "noop", noop);
      row(String(clients), "bare", bare);
      const ratio = (baseline: RunResult) => (ingest.eventsPerSecond / baseline.eventsPerSecond).toFixed(2);
      // The same ratio from CPU per event (all three processes): what the throughput ratio would be if nothing else ran.
      const cpuTotal = (r: { cpu: number[] }) =>
        r.cpu.reduce((sum, ms) => sum + (Number.isNaN(ms) ? 0 : ms), 0);
      process.stdout.write(
        `${String(clients).padStart(7)} | ratio events/bare = ${ratio(bare)}, events/noop = ${ratio(noop)}; from CPU per event: events/noop = ${(cpuTotal(noop) / cpuTotal(ingest)).toFixed(2)}\n`,
      );
    }
    const atTarget = await measured(() => openLoop(server.baseUrl, key, 16, "events"));
    process.stdout.write(
      `open loop, ${fmt(TARGET_EVENTS_PER_SECOND)} events/s offered over 16 sessions (latency from scheduled send):\n`,
    );
    row("16", "events", atTarget);
    process.stdout.write(`load after: ${load()}\n`);
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = Date.now();
  if (!process.env.BENCH_SKIP_EMBEDDED) await benchDatabase("embedded (PGlite)", "");
  const databaseUrl = getEnv().DATABASE_URL;
  if (databaseUrl) await benchDatabase(`Postgres (${new URL(databaseUrl).host})`, databaseUrl);
  else process.stdout.write("\nDATABASE_URL is not set: Postgres run skipped.\n");
  process.stdout.write(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
