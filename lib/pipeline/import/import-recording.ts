import type { CanonicalEvent } from "@/schemas/events";
import { BatchedItems } from "./batched-items";
import { importChromeTrace } from "./chrome-trace/import-chrome-trace";
import type { RecordingFormat } from "./detect-format";
import { importDevtoolsRecorder } from "./devtools-recorder/import-devtools-recorder";
import {
  type ImporterContext,
  type ImportIssue,
  ImportLimitError,
  IssueLog,
  type RecordingHints,
  UnsupportedRecordingError,
} from "./import-issue";
import { importNative } from "./native/import-native";
import { importPlaywrightCodegen } from "./playwright-codegen/import-playwright-codegen";
import { decodeText } from "./read-lines";
import { readRecords } from "./read-records";
import { importRrweb } from "./rrweb/import-rrweb";
import { sniffRecording } from "./sniff-recording";

export interface ImportLimits {
  /** Maximum decompressed bytes. */
  maxBytes?: number;
  /** Maximum canonical events produced. */
  maxEvents?: number;
}

export interface ImportRecordingOptions {
  fileName?: string;
  /** Skips detection when the caller knows the format. */
  format?: RecordingFormat;
  limits?: ImportLimits;
}

export interface ImportedRecording {
  /** Resolves once detected; rejects with `UnsupportedRecordingError` for an unsupported file. */
  format: Promise<RecordingFormat>;
  /**
   * Canonical events in source order (not yet bronze: see build-bronze.ts). Iterate once. Throws
   * `UnsupportedRecordingError` or `ImportLimitError`; bad lines/events do not throw, they land in `issues`.
   */
  events: AsyncIterable<CanonicalEvent>;
  /**
   * The same events in batches (one per input chunk): cheaper to iterate for large recordings. Iterate either
   * `events` or `batches`, not both — they share one pass over the stream.
   */
  batches: AsyncIterable<CanonicalEvent[]>;
  /** Filled while `events` is consumed; complete when iteration ends. */
  issues: ImportIssue[];
  /** Recording-level facts (timezone offset, clock kind) for `buildBronze(events, { hints })`. */
  hints: RecordingHints;
}

type Importer = (text: AsyncIterable<string>, ctx: ImporterContext) => AsyncIterable<CanonicalEvent[]>;

const importers: Record<RecordingFormat, Importer> = {
  native: importNative,
  rrweb: (text, ctx) => importRrweb(readRecords(text, ctx, { arrayKeys: ["events"] }), ctx),
  "devtools-recorder": importDevtoolsRecorder,
  "chrome-trace": importChromeTrace,
  "playwright-codegen": importPlaywrightCodegen,
};

/** Counts bytes through the stream and stops it past `maxBytes` (applies to decompressed bytes: gzip bombs). */
function limitBytes(stream: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let total = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          controller.error(
            new ImportLimitError(
              "maxBytes",
              maxBytes,
              `recording is larger than the limit of ${maxBytes} bytes`,
            ),
          );
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Surfaces stream failures (corrupt gzip, network) as errors the caller can report, keeping limit errors typed. */
async function* decodeChecked(stream: ReadableStream<Uint8Array>, log: IssueLog): AsyncGenerator<string> {
  try {
    yield* decodeText(stream);
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    log.add({ code: "read_error", message: `could not read the recording: ${String(error)}` });
  }
}

/**
 * Imports one recording: detects its format (gzip accepted), then streams canonical events. Nothing holds the
 * whole file. Usage:
 *   const { format, events, issues } = importRecording(stream, { fileName });
 *   const bronze = buildBronze(events, { hints });
 *   for await (const event of bronze.events) …   // then bronze.summary, issues + bronze.issues
 */
export function importRecording(
  input: ReadableStream<Uint8Array>,
  options: ImportRecordingOptions = {},
): ImportedRecording {
  const issues: ImportIssue[] = [];
  const hints: RecordingHints = {};
  const log = new IssueLog(options.fileName, issues);
  const sniffed = sniffRecording(input, options.fileName);
  const format = sniffed.then(({ format: detected }) => {
    const chosen = options.format ?? detected;
    if (!chosen) {
      throw new UnsupportedRecordingError(
        options.fileName,
        `${options.fileName ?? "the file"} is not a supported recording (native JSONL, rrweb, DevTools Recorder, Chrome trace or Playwright codegen JSONL)`,
      );
    }
    return chosen;
  });
  // Avoid an unhandled rejection when the caller only iterates `events`.
  format.catch(() => undefined);

  async function* batches(): AsyncGenerator<CanonicalEvent[]> {
    const chosen = await format;
    const { stream } = await sniffed;
    const limited = options.limits?.maxBytes ? limitBytes(stream, options.limits.maxBytes) : stream;
    const ctx: ImporterContext = { format: chosen, file: options.fileName, log, hints };
    const maxEvents = options.limits?.maxEvents ?? Number.POSITIVE_INFINITY;
    let count = 0;
    try {
      for await (const batch of importers[chosen](decodeChecked(limited, log), ctx)) {
        count += batch.length;
        if (count > maxEvents) {
          throw new ImportLimitError("maxEvents", maxEvents, `recording has more than ${maxEvents} events`);
        }
        yield batch;
      }
    } finally {
      log.finish();
    }
  }

  const batchIterator = batches();
  return { format, events: new BatchedItems(batchIterator), batches: batchIterator, issues, hints };
}
