/**
 * Ingest benchmark (`npm run bench`): the built app in the embedded default, then against the Postgres server in
 * DATABASE_URL when set. For 4 and 16 concurrent clients sending batches of 500 events it prints events/s
 * acknowledged and p50/p99 acknowledgement latency, for POST /v1/sessions/{id}/events and for the bare
 * /v1/bench/noop (same wrapper and body, answers 202), and their ratio. Bounded: BENCH_SECONDS per run (default
 * 8, BENCH_SIZE=reduced: 3). Run `next build` first.
 */
import { getEnv } from "@/lib/env";
import { makeEvent } from "@/lib/ingest/stream-session";
import { startBenchServer } from "./bench-server";

const BATCH = 500;
const reduced = process.env.BENCH_SIZE === "reduced";
const seconds = Number(process.env.BENCH_SECONDS ?? (reduced ? 3 : 8));
const concurrencies = [4, 16];

interface RunResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);

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

async function run(
  baseUrl: string,
  key: string,
  clients: number,
  target: "events" | "noop",
): Promise<RunResult> {
  const sessions = await Promise.all(Array.from({ length: clients }, () => openSession(baseUrl, key)));
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let acked = 0;
  let warm = true;
  const started = performance.now();
  const warmupEnd = started + 1_000;
  const end = warmupEnd + seconds * 1_000;
  let measuredFrom = warmupEnd;
  await Promise.all(
    sessions.map(async (sessionId, client) => {
      const url =
        target === "events" ? `${baseUrl}/v1/sessions/${sessionId}/events` : `${baseUrl}/v1/bench/noop`;
      for (let batch = 0; performance.now() < end; batch++) {
        const first = (client * 1_000_000 + batch) * BATCH;
        const body = JSON.stringify(Array.from({ length: BATCH }, (_, i) => makeEvent(first + i)));
        const t0 = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body,
        });
        await response.arrayBuffer();
        const t1 = performance.now();
        if (t0 < warmupEnd) continue;
        if (warm) {
          warm = false;
          measuredFrom = Math.min(measuredFrom, t0);
        }
        if (response.status === 202) {
          acked += BATCH;
          latencies.push(t1 - t0);
        } else {
          errors[response.status] = (errors[response.status] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - measuredFrom) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: acked / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors,
  };
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
    process.stdout.write(
      `\n## ${label}: ${BATCH} events per batch, ${seconds} s per run after 1 s warm-up\n`,
    );
    process.stdout.write("clients | route  | events/s acked | p50 ms | p99 ms | requests | errors\n");
    for (const clients of concurrencies) {
      const ingest = await run(server.baseUrl, key, clients, "events");
      const noop = await run(server.baseUrl, key, clients, "noop");
      for (const [name, r] of [
        ["events", ingest],
        ["noop", noop],
      ] as const) {
        process.stdout.write(
          `${String(clients).padStart(7)} | ${name.padEnd(6)} | ${fmt(r.eventsPerSecond).padStart(14)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.requests).padStart(8)} | ${JSON.stringify(r.errors)}\n`,
        );
      }
      process.stdout.write(
        `${String(clients).padStart(7)} | ratio events/noop = ${(ingest.eventsPerSecond / noop.eventsPerSecond).toFixed(2)}\n`,
      );
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = Date.now();
  await benchDatabase("embedded (PGlite)", "");
  const databaseUrl = getEnv().DATABASE_URL;
  if (databaseUrl) await benchDatabase(`Postgres (${new URL(databaseUrl).host})`, databaseUrl);
  else process.stdout.write("\nDATABASE_URL is not set: Postgres run skipped.\n");
  process.stdout.write(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
