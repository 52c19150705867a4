import { NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import { hasSessionEventBatches, listSessionEventBatchesPage } from "@/db/queries/pipeline-artifacts";
import { listSessionFiles } from "@/db/queries/session-files";
import { type RecordingFormat, recordingFormats } from "@/lib/pipeline/import/detect-format";
import { ImportLimitError, UnsupportedRecordingError } from "@/lib/pipeline/import/import-issue";
import { type BronzeSummary, bronzeStage, type RawSource } from "@/lib/pipeline/stages/bronze";
import type { ZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { CanonicalEvent } from "@/schemas/events";
import { artifactKeys } from "./artifact-keys";
import { inflatedByteLimit, inflationLimitError } from "./inflated-byte-limit";
import { writeJsonlArtifact } from "./jsonl-artifacts";

export interface BronzeResult {
  key: string;
  issuesKey: string;
  events: number;
  issues: number;
  bytes: number;
  formats: RecordingFormat[];
  /** Evidence of the user's zone outside the events, for the gold step's session zone (a few entries at most). */
  zoneEvidence: ZoneEvidence[];
  details: BronzeSummary["details"];
  /** The level bronze redacted at (the owner's data policy when the run started). */
  redaction: RedactionLevel;
  ms: number;
}

// Batches per page: a batch is one request's events (at most 5 MB, typically 500 events in ~85 KB).
const STREAMED_PAGE = 4;

/**
 * Streamed events (session_event_batches rows, NDJSON each) as native JSONL bytes, read page by page in arrival
 * order, never all at once.
 */
export function streamedEventsAsJsonl(sessionId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterSeq = 0;
  return new ReadableStream({
    async pull(controller) {
      const page = await listSessionEventBatchesPage(await getDb(), sessionId, afterSeq, STREAMED_PAGE);
      const last = page.at(-1);
      if (!last) {
        controller.close();
        return;
      }
      afterSeq = last.seq;
      for (const batch of page) controller.enqueue(encoder.encode(`${batch.body}\n`));
    },
  });
}

const knownFormat = (format: string | null): RecordingFormat | undefined =>
  recordingFormats.find((f) => f === format);

/** Every raw file of the session and its streamed events, as bronze's sources. */
async function sessionSources(sessionId: string): Promise<RawSource[]> {
  const db = await getDb();
  const store = await getObjectStore();
  const sources: RawSource[] = [];
  for (const file of await listSessionFiles(db, sessionId)) {
    const stream = await store.getStream(file.storageKey);
    if (!stream) throw new Error(`Raw file ${file.fileName} of session ${sessionId} is missing from storage`);
    const format = knownFormat(file.format);
    sources.push({
      stream,
      fileName: file.fileName,
      ...(format ? { format } : {}),
      // Decompression bombs: inflated bytes are capped per file, absolute and relative to the stored size.
      limits: { maxBytes: inflatedByteLimit(file.sizeBytes) },
      describeLimit: (error) => inflationLimitError(file.fileName, file.sizeBytes, error),
    });
  }
  if (await hasSessionEventBatches(db, sessionId)) {
    sources.push({ stream: streamedEventsAsJsonl(sessionId), fileName: "streamed.jsonl", format: "native" });
  }
  if (sources.length === 0) throw new Error("The session has no recording files and no streamed events");
  return sources;
}

/** An unsupported file or a recording over the limits will not import on a retry either: fail at once. */
async function* permanentOnBadInput(events: AsyncIterable<CanonicalEvent>): AsyncGenerator<CanonicalEvent> {
  try {
    yield* events;
  } catch (error) {
    if (error instanceof UnsupportedRecordingError || error instanceof ImportLimitError) {
      throw new NonRetriableError(error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * The bronze step: the session's sources → bronze stage → `artifacts/bronze.jsonl`, and import issues (bad lines,
 * with their location) → `artifacts/import-issues.jsonl`. Returns counts and keys only.
 */
export async function runBronzeStep(
  sessionId: string,
  options: { redaction?: RedactionLevel } = {},
): Promise<BronzeResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const redaction = options.redaction ?? "standard";
  const bronze = bronzeStage(await sessionSources(sessionId), { redaction });
  const written = await writeJsonlArtifact(keys.bronze, permanentOnBadInput(bronze.events));
  const summary = await bronze.summary();
  const issues = await writeJsonlArtifact(keys.importIssues, summary.issues);
  return {
    key: written.key,
    issuesKey: issues.key,
    events: written.count,
    issues: issues.count,
    bytes: written.bytes,
    formats: summary.formats,
    zoneEvidence: summary.zoneEvidence,
    details: summary.details,
    redaction,
    ms: Math.round(performance.now() - started),
  };
}
