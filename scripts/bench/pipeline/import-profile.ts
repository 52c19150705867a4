/**
 * One format through import + bronze, for profiling without the bench's generation and baseline runs:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench/pipeline/import-profile.ts native [events]
 *   npx tsx scripts/bench/pipeline/cpuprofile-top.ts /tmp/prof/<file>.cpuprofile
 *
 * The generated recording is cached in the temp folder, so repeated runs profile the same bytes.
 */
import { createReadStream, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buildBronze } from "../../../lib/pipeline/bronze/build-bronze";
import type { RecordingFormat } from "../../../lib/pipeline/import/detect-format";
import { importRecording } from "../../../lib/pipeline/import/import-recording";
import { benchGenerators, isLineFormat } from "./import-bench-data";
import { writeRecording } from "./write-recording";

const format = (process.argv[2] ?? "native") as RecordingFormat;
const count = Number(process.argv[3] ?? 1_000_000);
if (!(format in benchGenerators)) throw new Error(`unknown format ${format}`);
const file = path.join(
  tmpdir(),
  `tracepipe-import-profile-${format}-${count}.${isLineFormat[format] ? "jsonl" : "json"}`,
);
if (!existsSync(file)) await writeRecording(file, benchGenerators[format](count));

const cpu = process.cpuUsage();
const wall = performance.now();
const imported = importRecording(
  Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>,
  { fileName: path.basename(file) },
);
const bronze = buildBronze(imported.events, { hints: imported.hints });
let events = 0;
for await (const _ of bronze.events) events++;
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${format}: ${events} bronze events, ${imported.issues.length} issues, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - wall).toFixed(0)} ms\n`,
);
