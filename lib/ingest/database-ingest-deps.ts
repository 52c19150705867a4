import { getDatabaseHandleMode, getDb } from "@/db/client";
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentResponse,
} from "@/db/queries/idempotency-keys";
import { insertSessionEventBatches, type SessionEventBatch } from "@/db/queries/session-events";
import { findSessionStatusForWorkspace } from "@/db/queries/sessions";
import { getEnv } from "@/lib/env";
import { GroupCommitQueue } from "./group-commit";
import type { IdempotencyStore } from "./idempotency";
import type { IngestDeps } from "./ingest-events";

export const databaseIdempotencyStore: IdempotencyStore = {
  claim: async (args) => claimIdempotencyKey(await getDb(), args),
  find: async (args) => findIdempotencyKey(await getDb(), args),
  save: async (args) => saveIdempotentResponse(await getDb(), args),
  release: async (args) => releaseIdempotencyKey(await getDb(), args),
};

type EventQueue = GroupCommitQueue<SessionEventBatch, string[]>;

// One queue per process, on globalThis like the database handle: route bundles that each hold a copy of this module
// must still share one queue, or their batches would not be grouped.
const globalForIngest = globalThis as typeof globalThis & { __tracepipeIngestQueue?: Promise<EventQueue> };

async function openEventQueue(): Promise<EventQueue> {
  const env = getEnv();
  const mode = await getDatabaseHandleMode();
  return new GroupCommitQueue(async (batches) => insertSessionEventBatches(await getDb(), batches), {
    maxFlushRows: env.INGEST_FLUSH_MAX_ROWS,
    maxDelayMs: env.INGEST_FLUSH_DELAY_MS,
    maxInFlight: env.INGEST_FLUSH_CONCURRENCY ?? (mode === "pglite" ? 1 : 2),
    maxQueuedRows: env.INGEST_QUEUE_MAX_ROWS,
  });
}

/** The process's streaming-ingest queue (group commit); tests read its `stats`. */
export function getEventQueue(): Promise<EventQueue> {
  globalForIngest.__tracepipeIngestQueue ??= openEventQueue().catch((error) => {
    globalForIngest.__tracepipeIngestQueue = undefined;
    throw error;
  });
  return globalForIngest.__tracepipeIngestQueue;
}

export const databaseIngestDeps: IngestDeps = {
  getSessionStatus: async (workspaceId, sessionId) =>
    findSessionStatusForWorkspace(await getDb(), workspaceId, sessionId),
  insertBatch: async (workspaceId, sessionId, events) =>
    events.length === 0
      ? []
      : (await getEventQueue()).submit({ workspaceId, sessionId, events }, events.length),
  idempotency: databaseIdempotencyStore,
};
