import path from "node:path";

/** Where the fixture corpus lives and which file holds each recording format of a scenario. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../e2e/fixtures/recordings");

export const RECORDING_FILES = {
  native: "input_events.jsonl",
  rrweb: "rrweb.json",
  "devtools-recorder": "recorder.json",
  "chrome-trace": "trace.json.gz",
  "playwright-codegen": "codegen.jsonl",
} as const;

export type CorpusFormat = keyof typeof RECORDING_FILES;
