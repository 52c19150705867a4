import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";

/**
 * Debugging aid for recogniser work: `npx tsx e2e/corpus/inspect-recording.ts <recording> <suite> [zone]` prints
 * the silver interactions (kind, field key, value, chips, target name, URL) and the gold actions of one recording.
 */
const [file, suite, timezone] = process.argv.slice(2);
if (!file || !suite) {
  process.stderr.write("usage: inspect-recording.ts <recording> <suite> [IANA zone]\n");
  process.exit(2);
}
const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
const result = await runPipeline({
  sources: [{ stream, fileName: path.basename(file) }],
  suite,
  catalog: getBundledCatalog(),
  ...(timezone ? { timezone } : {}),
});
for (const i of result.interactions) {
  const row = {
    kind: i.kind,
    field: i.fieldKey,
    value: i.value,
    chips: i.chips,
    key: i.key,
    target: i.target?.ariaLabel ?? i.target?.label ?? i.target?.text,
    url: i.kind === "navigate" ? i.url : undefined,
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
for (const a of result.actions) {
  process.stdout.write(
    `ACTION ${a.slug} confidence=${a.confidence} needsReview=${a.needsReview} ${JSON.stringify(a.parameters)}\n`,
  );
}
const issues = result.bronze?.issues ?? [];
if (issues.length) process.stdout.write(`ISSUES ${JSON.stringify(issues.slice(0, 5))}\n`);
