import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { benchGenerators } from "@/lib/pipeline/bench/import-bench-data";
import { buildBronze } from "@/lib/pipeline/bronze/build-bronze";
import { importRecording } from "@/lib/pipeline/import/import-recording";

const format = (process.argv[2] ?? "rrweb") as "rrweb";
const file = `/tmp/prof-${format}.json`;
const out = createWriteStream(file);
for (const piece of benchGenerators[format](200000)) out.write(piece);
await new Promise((r) => out.end(r));
const t = process.cpuUsage();
const imported = importRecording(
  Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>,
  {},
);
let n = 0;
for await (const _ of buildBronze(imported.events).events) n++;
const u = process.cpuUsage(t);
console.log(format, n, (u.user + u.system) / 1000, "ms cpu");
