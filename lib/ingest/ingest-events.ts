import { AppError, notFound } from "@/lib/errors";
import { MAX_INGEST_BODY_BYTES } from "@/schemas/ingest";
import { type IdempotencyStore, withIdempotency } from "./idempotency";
import { parseEventBatch } from "./parse-event-batch";
import { readLimitedBody } from "./read-limited-body";

export type SessionState = "open" | "uploaded" | "processing" | "completed" | "failed";

/** What the ingest core needs from storage; the app wires the database (lib/ingest/database-ingest-deps.ts). */
export interface IngestDeps {
  getSessionStatus(workspaceId: string, sessionId: string): Promise<SessionState | undefined>;
  /** Stores the events durably in one step and returns the ids it stored (not the duplicates). */
  insertBatch(workspaceId: string, sessionId: string, events: readonly { id: string }[]): Promise<string[]>;
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
  workspaceId: string;
  sessionId: string;
  deps: IngestDeps;
  now?: () => number;
}): Promise<Response> {
  const { request, workspaceId, sessionId, deps } = args;
  // The body is read first: the Idempotency-Key's fingerprint covers it (decompressed, so a re-compressed retry
  // of the same events is the same request).
  const body = await readLimitedBody(request, MAX_INGEST_BODY_BYTES);
  return withIdempotency(
    { request, body, workspaceId, scope: `events:${sessionId}`, store: deps.idempotency, now: args.now },
    async () => {
      const batch = parseEventBatch(body, request.headers.get("content-type") ?? "application/json");
      // The insert only writes while the session is open and the caller's, so the common case costs one
      // statement. When it stored nothing we ask why: all duplicates, or a missing or completed session.
      const stored = await deps.insertBatch(workspaceId, sessionId, batch.valid);
      if (stored.length === 0) {
        const status = await deps.getSessionStatus(workspaceId, sessionId);
        if (!status) throw notFound("Session");
        if (status !== "open") throw closed(sessionId);
      }
      const counts = { accepted: stored.length, duplicates: batch.valid.length - stored.length };
      if (batch.rejected.length > 0) return { status: 207, body: { ...counts, rejected: batch.rejected } };
      return { status: 202, body: counts };
    },
  );
}
