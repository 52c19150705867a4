import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalEventSchema } from "@/schemas/events";
import { fuzzRuns } from "../../../test/helpers/fuzz-runs";
import { collect, streamFrom } from "../../../test/helpers/stream-from";
import { buildBronze } from "../bronze/build-bronze";
import type { RecordingFormat } from "./detect-format";
import { type ImportIssue, ImportLimitError, UnsupportedRecordingError } from "./import-issue";
import { importRecording } from "./import-recording";

const samples: Record<RecordingFormat, string> = {
  native: "gmail-compose.input_events.jsonl",
  rrweb: "github-login.rrweb.json",
  "devtools-recorder": "github-new-issue.recorder.json",
  "chrome-trace": "calendar.trace.json",
  "playwright-codegen": "gmail-send.codegen.jsonl",
};
const formats = Object.keys(samples) as RecordingFormat[];
const sampleText = (format: RecordingFormat) =>
  readFileSync(new URL(`./samples/${samples[format]}`, import.meta.url), "utf8");

/** Issues that describe the whole file rather than a place in it. */
const UNLOCATED = new Set(["read_error", "too_many_issues"]);

async function importChecked(
  input: string | Uint8Array,
  format: RecordingFormat | undefined,
  chunkSize: number,
) {
  const imported = importRecording(streamFrom(input, chunkSize), { format, limits: { maxEvents: 100_000 } });
  const bronze = buildBronze(imported.events, { hints: imported.hints });
  try {
    const events = await collect(bronze.events);
    return { events, issues: [...imported.issues, ...bronze.issues] };
  } catch (error) {
    // The only acceptable failures are the typed ones callers map to HTTP answers.
    if (error instanceof UnsupportedRecordingError || error instanceof ImportLimitError) return undefined;
    throw error;
  }
}

function expectWellFormed(result: { events: unknown[]; issues: ImportIssue[] } | undefined) {
  if (!result) return;
  for (const event of result.events) {
    const parsed = canonicalEventSchema.safeParse(event);
    if (!parsed.success)
      throw new Error(
        `invalid bronze event ${JSON.stringify(event).slice(0, 300)}: ${parsed.error.message.slice(0, 300)}`,
      );
  }
  const ids = new Set(result.events.map((e) => (e as { id: string }).id));
  expect(ids.size).toBe(result.events.length);
  for (const issue of result.issues) {
    if (!UNLOCATED.has(issue.code)) expect(issue.line !== undefined || issue.path !== undefined).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** Damages a text the way real uploads get damaged: truncation, lost ranges, injected garbage, flipped chars. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    char: fc.constantFrom("{", "}", "[", "]", '"', ",", ":", "\\", "\n", "x", "0"),
  }),
);

type Mutation = { kind: string; at: number; length?: number; text?: string; char?: string };

function mutate(text: string, steps: Mutation[]): string {
  let out = text;
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length;
    if (step.kind === "truncate") out = out.slice(0, at);
    else if (step.kind === "delete") out = out.slice(0, at) + out.slice(at + (step.length ?? 1));
    else if (step.kind === "insert") out = out.slice(0, at) + (step.text ?? "") + out.slice(at);
    else out = out.slice(0, at) + (step.char ?? "") + out.slice(at + 1);
  }
  return out;
}

describe.each(formats)("%s importer never crashes", (format) => {
  it("on random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        async (bytes, chunk) => {
          expectWellFormed(await importChecked(bytes, format, chunk));
        },
      ),
      { numRuns: fuzzRuns(60) },
    );
  });

  it("on damaged real samples (and keeps what it can)", async () => {
    const text = sampleText(format);
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 500 }),
        async (steps, chunk) => {
          const damaged = mutate(text, steps);
          expectWellFormed(await importChecked(damaged, format, chunk));
          expectWellFormed(await importChecked(damaged, undefined, chunk));
        },
      ),
      { numRuns: fuzzRuns(80) },
    );
  });

  it("on records of the wrong shape", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 20 }),
        fc.boolean(),
        async (records, asLines) => {
          const text = asLines
            ? records.map((r) => JSON.stringify(r)).join("\n")
            : JSON.stringify(
                format === "chrome-trace"
                  ? { traceEvents: records }
                  : format === "devtools-recorder"
                    ? { title: "t", steps: records }
                    : records,
              );
          expectWellFormed(await importChecked(text, format, 97));
        },
      ),
      { numRuns: fuzzRuns(60) },
    );
  });
});

describe("huge values", () => {
  it("caps strings instead of failing validation", async () => {
    const huge = "a".repeat(1_200_000);
    const rrweb = JSON.parse(sampleText("rrweb")) as Array<Record<string, unknown>>;
    rrweb.push({ type: 3, data: { source: 5, id: 11, text: huge }, timestamp: 1772439400000 });
    rrweb.push({ type: 4, data: { href: `https://x/${huge}` }, timestamp: 1772439400001 });
    const codegen = `${sampleText("playwright-codegen")}\n${JSON.stringify({ name: "fill", selector: `internal:label="${huge}"i`, text: huge })}`;
    for (const [text, format] of [
      [JSON.stringify(rrweb), "rrweb"],
      [codegen, "playwright-codegen"],
    ] as const) {
      const result = await importChecked(text, format, 65536);
      expectWellFormed(result);
      expect(result?.events.length).toBeGreaterThan(5);
    }
  });
});
