import { buildBronze } from "@/lib/pipeline/bronze/build-bronze";
import { importRecording } from "@/lib/pipeline/import/import-recording";
import type { RedactionLevel } from "@/schemas/data-policy";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";

/**
 * Bronze's cost per redaction level on one generated Gmail recording, levels interleaved in one process so the
 * machine's load affects each alike. `npx tsx scripts/bench/redaction-bench.ts [events≈100000] [rounds=5]`
 * prints the median ms per level.
 */
const emails = Math.ceil(Number(process.argv[2] ?? 100_000) / 40);
const rounds = Number(process.argv[3] ?? 5);
const bytes = new TextEncoder().encode(`${gmailRecordingLines({ emails, scrollNoise: 8 }).join("\n")}\n`);

async function timeBronze(redaction: RedactionLevel) {
  const started = performance.now();
  const imported = importRecording(new Blob([bytes]).stream(), { fileName: "input_events.jsonl" });
  const bronze = buildBronze(imported.batches, { hints: imported.hints, redaction });
  let events = 0;
  for await (const batch of bronze.batches) events += batch.length;
  return { ms: performance.now() - started, events, redacted: bronze.summary.redactedCount };
}

const levels: RedactionLevel[] = ["off", "standard", "strict"];
const samples = new Map<RedactionLevel, number[]>(levels.map((l) => [l, []]));
let info = { events: 0, redacted: {} as Record<string, number> };
for (let round = 0; round < rounds; round++) {
  for (const level of levels) {
    const result = await timeBronze(level);
    samples.get(level)?.push(result.ms);
    info = { events: result.events, redacted: { ...info.redacted, [level]: result.redacted } };
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
process.stdout.write(
  `${JSON.stringify({ events: info.events, rounds, redactedEvents: info.redacted, medianMs: Object.fromEntries(levels.map((l) => [l, Math.round(median(samples.get(l) ?? []))])) }, null, 2)}\n`,
);
