/**
 * Fairness between accounts, end to end over HTTP: the time from upload to `completed` of one account's small
 * recording, alone and while another account's four large recordings are being processed.
 *
 * Built app (`npm run build` first; needs DATABASE_URL, a Postgres the script may write to: the accounts and
 * their keys are created there before the app starts on it):
 *   DATABASE_URL=… npx tsx scripts/bench/account-fairness-bench.ts [largeEvents=200000] [rounds=2]
 * In this process (the app's route handlers behind an HTTP server and the app's executor, on a fresh embedded
 * database, or DATABASE_URL): add `--in-process`. `--bombs`: the other account's four uploads are decompression
 * bombs (~1.1 MB .jsonl.gz inflating to 1.1 GB; the inflate cap fails them) instead of large recordings.
 */
import { gzipSync } from "node:zlib";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb } from "@/db/client";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { startEmbeddedExecutor, stopEmbeddedExecutor } from "@/inngest/start-embedded-executor";
import { getEnv } from "@/lib/env";
import { startApiTestServer } from "../../test/helpers/api-test-server";
import { gmailRecordingLines } from "../../test/helpers/gmail-recording";
import { startBenchServer } from "./bench-server";
import { makeDecompressionBomb } from "./decompression-bomb";

const PER_EMAIL = 10;
const SCROLL_NOISE = 30;

function recording(events: number): Buffer {
  const emails = Math.max(1, Math.round(events / (PER_EMAIL + SCROLL_NOISE)));
  return Buffer.from(`${gmailRecordingLines({ emails, scrollNoise: SCROLL_NOISE }).join("\n")}\n`);
}

async function upload(baseUrl: string, key: string, body: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.set("suite_id", "gmail");
  form.set("file", new Blob([new Uint8Array(body)]), name);
  const response = await fetch(`${baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  if (response.status !== 201)
    throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function statusOf(baseUrl: string, key: string, id: string, retries = 3): Promise<string> {
  try {
    const response = await fetch(`${baseUrl}/v1/sessions/${id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return ((await response.json()) as { status: string }).status;
  } catch (error) {
    // A kept-alive socket the server closed meanwhile (its event loop is busy with the pipeline): ask again.
    if (retries === 0) throw error;
    return statusOf(baseUrl, key, id, retries - 1);
  }
}

async function waitFor(baseUrl: string, key: string, id: string, statuses: string[], timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(baseUrl, key, id);
    if (statuses.includes(status)) return status;
    if (status === "failed") throw new Error(`session ${id} failed`);
    if (Date.now() > deadline) throw new Error(`session ${id} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Upload to `completed`, in ms. */
async function timeSmall(baseUrl: string, key: string, body: Buffer): Promise<number> {
  const started = performance.now();
  const id = await upload(baseUrl, key, body, "input_events.jsonl");
  await waitFor(baseUrl, key, id, ["completed"]);
  return Math.round(performance.now() - started);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Target {
  mode: string;
  baseUrl: string;
  bigKey: string;
  smallKey: string;
  stop: () => Promise<void>;
}

async function startBuiltApp(): Promise<Target> {
  if (!getEnv().DATABASE_URL) throw new Error("Set DATABASE_URL: the accounts are created in that database");
  await ensureDatabaseReady();
  const big = await createTestCaller();
  const small = await createTestCaller();
  await closeDb();
  const server = await startBenchServer({ databaseUrl: getEnv().DATABASE_URL });
  return {
    mode: "built app (next start), Postgres",
    baseUrl: server.baseUrl,
    bigKey: big.secret,
    smallKey: small.secret,
    stop: server.stop,
  };
}

async function startInProcess(): Promise<Target> {
  const { dataDir } = await openTestDatabase();
  const big = await createTestCaller();
  const small = await createTestCaller();
  await startEmbeddedExecutor();
  const server = await startApiTestServer();
  return {
    mode: `in process (route handlers over HTTP, app executor), ${getEnv().DATABASE_URL ? "Postgres" : "PGlite"}`,
    baseUrl: server.url,
    bigKey: big.secret,
    smallKey: small.secret,
    stop: async () => {
      await server.close();
      await stopEmbeddedExecutor();
      await closeTestDatabase(dataDir);
    },
  };
}

async function main() {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const largeEvents = Number(args[0] ?? 200_000);
  const rounds = Number(args[1] ?? 2);
  const small = recording(600);
  const bombs = process.argv.includes("--bombs");
  const large = bombs ? Buffer.from(await makeDecompressionBomb(1100)) : gzipSync(recording(largeEvents));
  // A bomb's session ends failed (the inflate cap), a large recording's completed.
  const largeDone = bombs ? ["failed"] : ["completed"];
  const target = process.argv.includes("--in-process") ? await startInProcess() : await startBuiltApp();
  const server = { baseUrl: target.baseUrl };
  const smallAccount = { secret: target.smallKey };
  const bigAccount = { secret: target.bigKey };
  try {
    // Warm-up: the first run of each route and function pays for loading their code.
    await timeSmall(server.baseUrl, smallAccount.secret, small);
    const alone: number[] = [];
    for (let n = 0; n < 3; n++) alone.push(await timeSmall(server.baseUrl, smallAccount.secret, small));

    const loaded: { smallMs: number; largeProcessingWhenSmallStarted: number; largeAllDoneMs: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const largeIds = await Promise.all(
        [1, 2, 3, 4].map((n) => upload(server.baseUrl, bigAccount.secret, large, `big-${n}.jsonl.gz`)),
      );
      // The small recording arrives once the large ones are being processed, as in the report that found it.
      await waitFor(server.baseUrl, bigAccount.secret, largeIds[0] ?? "", ["processing", ...largeDone]);
      const statuses = await Promise.all(
        largeIds.map((id) => statusOf(server.baseUrl, bigAccount.secret, id)),
      );
      const smallMs = await timeSmall(server.baseUrl, smallAccount.secret, small);
      for (const id of largeIds) await waitFor(server.baseUrl, bigAccount.secret, id, largeDone);
      loaded.push({
        smallMs,
        largeProcessingWhenSmallStarted: statuses.filter((s) => s === "processing").length,
        largeAllDoneMs: Math.round(performance.now() - started),
      });
    }
    const aloneMedian = median(alone);
    process.stdout.write(
      `${JSON.stringify(
        {
          mode: target.mode,
          smallRecording: { bytes: small.length },
          largeRecording: bombs
            ? { kind: "decompression bomb", inflatedMb: 1100, gzipBytes: large.length }
            : { events: largeEvents, gzipBytes: large.length },
          smallAloneMs: alone,
          smallAloneMedianMs: aloneMedian,
          loaded,
          ratios: loaded.map((round) => Number((round.smallMs / aloneMedian).toFixed(2))),
          target: "small recording within 2x its time alone",
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await target.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
