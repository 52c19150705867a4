import { getDb } from "@/db/client";
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentResponse,
} from "@/db/queries/idempotency-keys";
import { insertSessionEventBatch } from "@/db/queries/session-events";
import { findSessionStatusForWorkspace } from "@/db/queries/sessions";
import type { IdempotencyStore } from "./idempotency";
import type { IngestDeps } from "./ingest-events";

export const databaseIdempotencyStore: IdempotencyStore = {
  claim: async (args) => claimIdempotencyKey(await getDb(), args),
  find: async (args) => findIdempotencyKey(await getDb(), args),
  save: async (args) => saveIdempotentResponse(await getDb(), args),
  release: async (args) => releaseIdempotencyKey(await getDb(), args),
};

export const databaseIngestDeps: IngestDeps = {
  getSessionStatus: async (workspaceId, sessionId) =>
    findSessionStatusForWorkspace(await getDb(), workspaceId, sessionId),
  insertBatch: async (workspaceId, sessionId, events) =>
    insertSessionEventBatch(await getDb(), { workspaceId, sessionId, events }),
  idempotency: databaseIdempotencyStore,
};
