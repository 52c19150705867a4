/**
 * CPU time to run a decompression bomb (a ~1.1 MB .jsonl.gz that inflates to ~1.1 GB of native JSONL) through the
 * bronze stage's importer, with the configured inflate caps and with the caps lifted (the behaviour before them).
 * Run: npx tsx scripts/bench/decompression-bomb-bench.ts [inflated-MB=1100] [capped|uncapped|both]
 */
import { getEnv } from "@/lib/env";
import { bronzeStage } from "@/lib/pipeline/stages/bronze";
import { inflatedByteLimit, inflationLimitError } from "@/lib/pipeline-runs/inflated-byte-limit";
import { makeDecompressionBomb } from "./decompression-bomb";

const inflatedMb = Number(process.argv[2] ?? "1100");
const mode = process.argv[3] ?? "both";
async function run(bomb: Uint8Array, capped: boolean) {
  const env = getEnv();
  if (!capped) {
    env.TRACEPIPE_MAX_INFLATED_BYTES = Number.MAX_SAFE_INTEGER;
    env.TRACEPIPE_MAX_INFLATE_RATIO = Number.MAX_SAFE_INTEGER;
  }
  const started = process.cpuUsage();
  const wall = performance.now();
  // The same source the bronze step builds for a stored file.
  const bronze = bronzeStage([
    {
      stream: new Blob([bomb as BlobPart]).stream(),
      fileName: "bomb.jsonl.gz",
      format: "native",
      limits: { maxBytes: inflatedByteLimit(bomb.byteLength) },
      describeLimit: (error) => inflationLimitError("bomb.jsonl.gz", bomb.byteLength, error),
    },
  ]);
  let events = 0;
  let outcome = "completed";
  try {
    for await (const _ of bronze.events) events++;
  } catch (error) {
    outcome = (error as Error).message.slice(0, 160);
  }
  const cpu = process.cpuUsage(started);
  return {
    capped,
    limitBytes: capped ? inflatedByteLimit(bomb.byteLength) : null,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    wallSeconds: Math.round(performance.now() - wall) / 1000,
    events,
    outcome,
  };
}

const bomb = await makeDecompressionBomb(inflatedMb);
process.stdout.write(
  `bomb: ${(bomb.byteLength / 1024 / 1024).toFixed(2)} MB gzip → ${inflatedMb} MB inflated\n`,
);
if (mode !== "uncapped") process.stdout.write(`${JSON.stringify(await run(bomb, true))}\n`);
if (mode !== "capped") process.stdout.write(`${JSON.stringify(await run(bomb, false))}\n`);
