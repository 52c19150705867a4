import type { RecordingFormat } from "../../../../lib/pipeline/import/detect-format";
import { codegenLine } from "./codegen-lines";
import { nativeEvent } from "./native-events";
import { prng } from "./random";
import { recorderStep } from "./recorder-steps";
import { RRWEB_SNAPSHOT, rrwebEvent } from "./rrweb-events";
import { traceEvent } from "./trace-events";

/**
 * Seeded recordings that reach every branch of every importer (each record drawn from pools of realistic and
 * odd field values), for import-equivalence.ts. The fixture corpus only uses what its scenarios need.
 */
/** A recording of `count` seeded records in `format`'s container (JSONL lines or a JSON document). */
export function variedRecording(format: RecordingFormat, seed: number, count: number): string {
  const random = prng(seed);
  let ts = 1_772_439_300_000;
  // Mostly increasing times with jitter, and now and then far in the past (beyond any reorder window).
  const nextTs = () => {
    ts += Math.floor(random() * 50) - 5;
    return random() < 0.01 ? ts - 1_000_000 : ts;
  };
  const records: unknown[] = [];
  if (format === "playwright-codegen") {
    records.push({
      browserName: "chromium",
      launchOptions: {},
      contextOptions: { viewport: { width: 1280, height: 720 } },
    });
    for (let i = 0; i < count; i++) records.push(codegenLine(random));
    return records.map((record) => JSON.stringify(record)).join("\n");
  }
  if (format === "native") {
    for (let i = 0; i < count; i++) records.push(nativeEvent(random, nextTs(), i));
    return records.map((record) => JSON.stringify(record)).join(random() < 0.5 ? "\n" : "\r\n");
  }
  if (format === "devtools-recorder") {
    for (let i = 0; i < count; i++) records.push(recorderStep(random));
    return JSON.stringify({ title: "varied", steps: records }, null, seed % 3);
  }
  if (format === "chrome-trace") {
    let micros = 1_000_000;
    for (let i = 0; i < count; i++) {
      micros += Math.floor(random() * 5000) - 500;
      records.push(traceEvent(random, micros));
    }
    return JSON.stringify(
      seed % 2 === 0 ? { metadata: { source: "DevTools" }, traceEvents: records } : records,
      null,
      seed % 3,
    );
  }
  let id = 100;
  const nextId = () => ++id;
  records.push({
    type: 4,
    data: { href: "https://mail.google.com/mail/u/0/#inbox", width: 1280, height: 800 },
    timestamp: ts,
  });
  records.push({
    type: 2,
    data: { node: RRWEB_SNAPSHOT, initialOffset: { left: 0, top: 0 } },
    timestamp: ts + 1,
  });
  for (let i = 0; i < count; i++) records.push(rrwebEvent(random, nextTs(), nextId));
  return JSON.stringify(records, null, seed % 3);
}
