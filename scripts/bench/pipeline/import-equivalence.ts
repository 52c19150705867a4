/**
 * Differential check for importer/bronze refactors: runs a fixed corpus (the fixture recordings, the samples,
 * bench-generated recordings, edge cases and seeded damaged copies, each at several chunk sizes) through
 * import + bronze and writes one line per case with a digest of everything observable — format or error,
 * every event as serialized (key order included), import and bronze issues, summary, hints.
 *
 *   npx tsx scripts/bench/pipeline/import-equivalence.ts /tmp/before.jsonl     # on the old code
 *   npx tsx scripts/bench/pipeline/import-equivalence.ts /tmp/after.jsonl      # on the new code, then diff
 *   npx tsx scripts/bench/pipeline/import-equivalence.ts /tmp/after.jsonl codegen   # only cases matching a regex
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildBronze } from "../../../lib/pipeline/bronze/build-bronze";
import type { RecordingFormat } from "../../../lib/pipeline/import/detect-format";
import { importRecording } from "../../../lib/pipeline/import/import-recording";
import { streamFrom } from "../../../test/helpers/stream-from";
import { prng } from "./equivalence/random";
import { variedRecording } from "./equivalence/varied-recording";
import { benchGenerators } from "./import-bench-data";

interface Case {
  name: string;
  bytes: Uint8Array;
  format?: RecordingFormat;
  fileName?: string;
}

const root = path.resolve(import.meta.dirname, "../../..");
const encoder = new TextEncoder();

const GARBAGE = [
  "{",
  "}",
  "[",
  "]",
  '"',
  ",",
  ":",
  "\\",
  "\n",
  "\r\n",
  "x",
  "0",
  "\uFEFF",
  "é",
  "😀",
  "\u2028",
];

function damage(text: string, random: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(random() * Math.max(1, out.length));
    const kind = Math.floor(random() * 4);
    if (kind === 0) out = out.slice(0, at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 40));
    else if (kind === 2)
      out = out.slice(0, at) + GARBAGE[Math.floor(random() * GARBAGE.length)] + out.slice(at);
    else out = out.slice(0, at) + GARBAGE[Math.floor(random() * GARBAGE.length)] + out.slice(at + 1);
  }
  return out;
}

function join(pieces: Iterable<string>): string {
  let out = "";
  for (const piece of pieces) out += piece;
  return out;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  const chunkless = (name: string, text: string | Uint8Array, extra: Partial<Case> = {}) =>
    cases.push({ name, bytes: typeof text === "string" ? encoder.encode(text) : text, ...extra });

  const recordings = path.join(root, "e2e/fixtures/recordings");
  for (const scenario of readdirSync(recordings).sort()) {
    for (const file of readdirSync(path.join(recordings, scenario)).sort()) {
      if (file === "expected.json") continue;
      chunkless(`fixture/${scenario}/${file}`, readFileSync(path.join(recordings, scenario, file)), {
        fileName: file,
      });
    }
  }
  const samplesDir = path.join(root, "lib/pipeline/import/samples");
  const samples = readdirSync(samplesDir).sort();
  for (const file of samples) {
    chunkless(`sample/${file}`, readFileSync(path.join(samplesDir, file)), { fileName: file });
  }
  for (const [format, generate] of Object.entries(benchGenerators)) {
    chunkless(`bench/${format}`, join(generate(3000)), { fileName: `bench-${format}` });
  }

  for (const format of Object.keys(benchGenerators) as RecordingFormat[]) {
    for (let seed = 1; seed <= 8; seed++) {
      chunkless(`varied/${format}/${seed}`, variedRecording(format, seed, 300));
      if (seed % 4 === 0)
        chunkless(`varied/${format}/${seed}/as-format`, variedRecording(format, seed, 300), { format });
    }
    chunkless(`varied/${format}/large`, variedRecording(format, 99, 6000), { fileName: `varied-${format}` });
  }

  const native = readFileSync(path.join(samplesDir, "gmail-compose.input_events.jsonl"), "utf8");
  chunkless("edge/native-crlf", native.replace(/\n/g, "\r\n"));
  chunkless("edge/native-bom", `\uFEFF${native}`);
  chunkless("edge/native-blank-lines", native.replace(/\n/g, "\n\n  \n"));
  chunkless("edge/native-no-final-newline", native.trimEnd());
  chunkless(
    "edge/native-unicode",
    native.replace(/"value":"([^"]*)"/g, '"value":"$1 é 😀 \\u00e9 \\ud83d\\ude00 \u2028"'),
  );
  const withBadBytes = encoder.encode(native);
  const bad = new Uint8Array(withBadBytes.length + 3);
  bad.set(withBadBytes.subarray(0, 200));
  bad.set([0xff, 0xc3, 0x28], 200);
  bad.set(withBadBytes.subarray(200), 203);
  chunkless("edge/native-invalid-utf8", bad);
  chunkless("edge/native-gzip", gzipSync(encoder.encode(native)));
  chunkless("edge/native-duplicate-ids", native + native);
  chunkless("edge/native-out-of-order", native.split("\n").reverse().join("\n"));
  chunkless(
    "edge/native-long-line",
    `${native}{"id":"x","timestamp":1,"type":"input","value":"${"v".repeat(100_000)}"}\n`,
  );
  chunkless("edge/empty", "");
  chunkless("edge/whitespace", "  \n\n ");
  chunkless("edge/garbage", "just some text");

  const random = prng(20261122);
  for (const file of samples) {
    const text = readFileSync(path.join(samplesDir, file), "utf8");
    for (let i = 0; i < 150; i++) {
      const damaged = damage(text, random);
      chunkless(`damaged/${file}/${i}`, damaged);
      if (i % 3 === 0) {
        const format = (
          file.includes("rrweb")
            ? "rrweb"
            : file.includes("recorder")
              ? "devtools-recorder"
              : file.includes("trace")
                ? "chrome-trace"
                : file.includes("codegen")
                  ? "playwright-codegen"
                  : "native"
        ) as RecordingFormat;
        chunkless(`damaged/${file}/${i}/as-${format}`, damaged, { format });
      }
    }
  }
  for (let i = 0; i < 40; i++) {
    const bytes = new Uint8Array(Math.floor(random() * 600));
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
    chunkless(`random-bytes/${i}`, bytes);
  }
  return cases;
}

async function run(testCase: Case, chunkSize: number, viaBatches: boolean): Promise<string> {
  const imported = importRecording(streamFrom(testCase.bytes, chunkSize), {
    fileName: testCase.fileName,
    format: testCase.format,
    limits: { maxEvents: 1_000_000 },
  });
  const bronze = buildBronze(viaBatches ? imported.batches : imported.events, { hints: imported.hints });
  const events: unknown[] = [];
  let error: string | undefined;
  try {
    for await (const event of bronze.events) events.push(event);
  } catch (caught) {
    error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  }
  const format = await imported.format.catch((caught: Error) => `rejected ${caught.name}`);
  return JSON.stringify({
    format,
    error,
    events,
    issues: imported.issues,
    bronzeIssues: bronze.issues,
    summary: bronze.summary,
    hints: imported.hints,
  });
}

const [out, only] = process.argv.slice(2);
if (!out) throw new Error("usage: import-equivalence.ts <out.jsonl> [case name regex]");
const lines: string[] = [];
for (const testCase of corpus()) {
  if (only && !new RegExp(only).test(testCase.name)) continue;
  const isLarge = testCase.bytes.length > 200_000;
  const sizes = isLarge ? [65_536, 1 << 20] : [1, 7, 64, 4096, 1 << 20];
  for (const size of sizes) {
    for (const viaBatches of size === 4096 ? [false, true] : [false]) {
      const result = await run(testCase, size, viaBatches);
      const digest = createHash("sha256").update(result).digest("hex").slice(0, 16);
      lines.push(
        JSON.stringify({ case: `${testCase.name}@${size}${viaBatches ? "/batches" : ""}`, digest, result }),
      );
    }
  }
}
writeFileSync(out, `${lines.join("\n")}\n`);
process.stdout.write(`${lines.length} runs written to ${out}\n`);
