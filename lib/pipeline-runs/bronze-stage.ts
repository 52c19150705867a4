import { getDb } from "@/db/client";
import {
  hasSessionEventBatches,
  listSessionEventBatchesPage,
  listSessionFilesForRun,
} from "@/db/queries/pipeline-artifacts";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { artifactKeys } from "./artifact-keys";
import { writeJsonlArtifact } from "./jsonl-artifacts";
import type { PipelineStages, RawSource } from "./pipeline-stages";

export interface BronzeResult {
  key: string;
  issuesKey: string;
  events: number;
  issues: number;
  bytes: number;
  formats: string[];
  timezone?: string;
  details: Record<string, unknown>;
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

/**
 * Bronze: every raw file of the session and its streamed events, imported and merged in time order, written to
 * `artifacts/bronze.jsonl`; import issues (bad lines, with their location) to `artifacts/import-issues.jsonl`.
 * Returns counts and keys only.
 */
export async function runBronzeStage(sessionId: string, stages: PipelineStages): Promise<BronzeResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const db = await getDb();
  const store = await getObjectStore();
  const sources: RawSource[] = [];
  for (const file of await listSessionFilesForRun(db, sessionId)) {
    const stream = await store.getStream(file.storageKey);
    if (!stream) throw new Error(`Raw file ${file.fileName} of session ${sessionId} is missing from storage`);
    sources.push({
      stream,
      fileName: file.fileName,
      format: file.format ?? undefined,
      sizeBytes: file.sizeBytes,
    });
  }
  if (await hasSessionEventBatches(db, sessionId)) {
    sources.push({ stream: streamedEventsAsJsonl(sessionId), fileName: "streamed.jsonl", format: "native" });
  }
  if (sources.length === 0) throw new Error("The session has no recording files and no streamed events");

  const bronze = stages.bronze(sources);
  const written = await writeJsonlArtifact(keys.bronze, bronze.events);
  const summary = await bronze.finish();
  const issues = await writeJsonlArtifact(keys.importIssues, summary.issues);
  return {
    key: written.key,
    issuesKey: issues.key,
    events: written.count,
    issues: issues.count,
    bytes: written.bytes,
    formats: summary.formats,
    timezone: summary.timezone,
    details: summary.details,
    ms: Math.round(performance.now() - started),
  };
}
