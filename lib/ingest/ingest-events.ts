import { AppError, notFound } from "@/lib/errors";
import { MAX_INGEST_BODY_BYTES } from "@/schemas/ingest";
import { type IdempotencyStore, withIdempotency } from "./idempotency";
import { parseEventBatch } from "./parse-event-batch";
import { readLimitedBody } from "./read-limited-body";

export type SessionState = "open" | "uploaded" | "processing" | "completed" | "failed";

/** What the ingest core needs from storage; the app wires the database (lib/ingest/database-ingest-deps.ts). */
export interface IngestDeps {
  getSessionStatus(userId: string, sessionId: string): Promise<SessionState | undefined>;
  /** Stores the events durably in one step and returns the ids it stored (not the duplicates). */
  insertBatch(userId: string, sessionId: string, events: readonly { id: string }[]): Promise<string[]>;
  idempotency: IdempotencyStore;
}

const closed = (sessionId: string) =>
  new AppError({
    code: "conflict",
    message: `Session ${sessionId} is complete and accepts no more events`,
  });

/**
 * `POST /v1/sessions/{id}/events`, Web APIs only: read (≤ 5 MB decompressed), validate per item, store the valid
 * ones in one statement, answer 202 (all accepted) or 207 (some rejected). Acknowledged means committed.
 */
export async function ingestEvents(args: {
  request: Request;
  userId: string;
  sessionId: string;
  deps: IngestDeps;
  now?: Date;
}): Promise<Response> {
  const { request, userId, sessionId, deps } = args;
  return withIdempotency(
    { request, userId, scope: `events:${sessionId}`, store: deps.idempotency, now: args.now },
    async () => {
      const status = await deps.getSessionStatus(userId, sessionId);
      if (!status) throw notFound("Session");
      if (status !== "open") throw closed(sessionId);
      const body = await readLimitedBody(request, MAX_INGEST_BODY_BYTES);
      const batch = parseEventBatch(body, request.headers.get("content-type") ?? "application/json");
      const stored = await deps.insertBatch(userId, sessionId, batch.valid);
      if (stored.length === 0 && batch.valid.length > 0) {
        // Nothing stored is either all duplicates or a completion that won the race; only the latter is an error.
        const now = await deps.getSessionStatus(userId, sessionId);
        if (now !== "open") throw closed(sessionId);
      }
      const counts = { accepted: stored.length, duplicates: batch.valid.length - stored.length };
      if (batch.rejected.length > 0) return { status: 207, body: { ...counts, rejected: batch.rejected } };
      return { status: 202, body: counts };
    },
  );
}
