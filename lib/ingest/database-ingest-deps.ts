import { getDb } from "@/db/client";
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentResponse,
} from "@/db/queries/idempotency-keys";
import { insertSessionEventBatch } from "@/db/queries/session-events";
import { findSessionStatusForUser } from "@/db/queries/sessions";
import type { IdempotencyStore } from "./idempotency";
import type { IngestDeps } from "./ingest-events";

export const databaseIdempotencyStore: IdempotencyStore = {
  claim: async (args) => claimIdempotencyKey(await getDb(), args),
  find: async (args) => findIdempotencyKey(await getDb(), args),
  save: async (args) => saveIdempotentResponse(await getDb(), args),
  release: async (args) => releaseIdempotencyKey(await getDb(), args),
};

export const databaseIngestDeps: IngestDeps = {
  getSessionStatus: async (userId, sessionId) => findSessionStatusForUser(await getDb(), userId, sessionId),
  insertBatch: async (userId, sessionId, events) =>
    insertSessionEventBatch(await getDb(), { userId, sessionId, events }),
  idempotency: databaseIdempotencyStore,
};
