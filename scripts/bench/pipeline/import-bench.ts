/**
 * Import bench: for each format, generates a recording (1M events, or 50k with BENCH_SIZE=reduced) streamed to a
 * temp file, then measures import alone and import+bronze (events/s), the same bytes through bare `JSON.parse`
 * (per line for JSONL, whole document for JSON), and peak RSS while the pipeline runs.
 *
 *   npx tsx scripts/bench/pipeline/import-bench.ts            # BENCH_SIZE=reduced, BENCH_FORMATS=rrweb,native
 */
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buildBronze } from "../../../lib/pipeline/bronze/build-bronze";
import { type RecordingFormat, recordingFormats } from "../../../lib/pipeline/import/detect-format";
import { importRecording } from "../../../lib/pipeline/import/import-recording";
import { benchGenerators, isLineFormat } from "./import-bench-data";
import { writeRecording } from "./write-recording";

const eventCount =
  process.env.BENCH_SIZE === "reduced" ? 50_000 : Number(process.env.BENCH_EVENTS ?? 1_000_000);
const formats = (process.env.BENCH_FORMATS?.split(",") as RecordingFormat[] | undefined) ?? [
  ...recordingFormats,
];

function fileStream(file: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>;
}

/** Samples RSS while `run` executes; resolution 20 ms. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await run();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU time (user + system) in ms: the machine running the bench is shared, and wall time mostly measures the
 * neighbours. Both the pipeline and the baseline are measured the same way.
 */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1000;
}

async function runPipeline(file: string, withBronze: boolean) {
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  const imported = importRecording(fileStream(file), { fileName: path.basename(file) });
  const events = withBronze
    ? buildBronze(imported.events, { hints: imported.hints }).events
    : imported.events;
  let count = 0;
  for await (const _ of events) count++;
  return {
    count,
    ms: cpuMs(started),
    wallMs: performance.now() - wallStarted,
    issues: imported.issues.length,
  };
}

/** The same bytes through bare JSON.parse: per line for JSONL, the whole document otherwise. */
async function runBaseline(file: string, isLines: boolean): Promise<{ ms: number; wallMs: number }> {
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  if (isLines) {
    let carry = "";
    for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      const lines = (carry + chunk).split("\n");
      carry = lines.pop() ?? "";
      for (const line of lines) if (line) JSON.parse(line);
    }
    if (carry) JSON.parse(carry);
  } else {
    JSON.parse(await readFile(file, "utf8"));
  }
  return { ms: cpuMs(started), wallMs: performance.now() - wallStarted };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString("en-US");

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "tracepipe-import-bench-"));
  process.stdout.write(
    `import bench: ${eventCount.toLocaleString("en-US")} events per format, node ${process.version}\n`,
  );
  const rows: string[][] = [];
  try {
    for (const format of formats) {
      const file = path.join(dir, `${format}.${isLineFormat[format] ? "jsonl" : "json"}`);
      await writeRecording(file, benchGenerators[format](eventCount));
      const bytes = (await stat(file)).size;
      gc?.();
      const importOnly = await runPipeline(file, false);
      gc?.();
      const { result: full, peakRss } = await withPeakRss(() => runPipeline(file, true));
      gc?.();
      const baseline = await runBaseline(file, isLineFormat[format]);
      gc?.();
      rows.push([
        format,
        mb(bytes),
        full.count.toLocaleString("en-US"),
        rate(eventCount, importOnly.ms),
        rate(eventCount, full.ms),
        rate(eventCount, baseline.ms),
        (baseline.ms / full.ms).toFixed(2),
        rate(eventCount, full.wallMs),
        (baseline.wallMs / full.wallMs).toFixed(2),
        mb(peakRss),
      ]);
      await rm(file);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const header = [
    "format",
    "MB",
    "bronze events",
    "import ev/s",
    "import+bronze ev/s",
    "JSON.parse ev/s",
    "ratio",
    "wall ev/s",
    "wall ratio",
    "peak RSS MB",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  for (const row of [header, ...rows]) {
    process.stdout.write(`${row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ")}\n`);
  }
  process.stdout.write(
    "rates use CPU time (user+system); ratio = JSON.parse CPU time / import+bronze CPU time on the same bytes (aim >= 0.5); wall ev/s and wall ratio: the same for import+bronze by wall-clock time; peak RSS aim < 512 MB\n",
  );
}

await main();
