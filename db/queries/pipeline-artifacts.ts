import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessionEventBatches, sessions } from "../schema";

// What the pipeline functions read and write about a session: its streamed events and its run state (status,
// counts, metrics). Its files are in session-files.ts; session CRUD for the API lives with the sessions domain.

export type SessionRunState = Pick<
  typeof sessions.$inferSelect,
  | "id"
  | "workspaceId"
  | "userId"
  | "suiteId"
  | "suiteIds"
  | "status"
  | "storagePath"
  | "error"
  | "metrics"
  | "timezone"
  | "timezoneSource"
  | "actionCount"
>;

const runStateColumns = {
  id: sessions.id,
  workspaceId: sessions.workspaceId,
  userId: sessions.userId,
  suiteId: sessions.suiteId,
  suiteIds: sessions.suiteIds,
  status: sessions.status,
  storagePath: sessions.storagePath,
  error: sessions.error,
  metrics: sessions.metrics,
  timezone: sessions.timezone,
  timezoneSource: sessions.timezoneSource,
  actionCount: sessions.actionCount,
};

/** For the pipeline's jobs, which were handed the id by the app (never for an id a caller sent). */
export async function findSessionRunState(
  db: Database,
  sessionId: string,
): Promise<SessionRunState | undefined> {
  const [row] = await db.select(runStateColumns).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return row;
}

/** A session of the caller's workspace (another workspace's is not found). */
export async function findSessionRunStateForWorkspace(
  db: Database,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<SessionRunState | undefined> {
  const [row] = await db
    .select(runStateColumns)
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/**
 * One page of streamed event batches in arrival order, after `afterSeq`: each body is the NDJSON of one request
 * (at most 5 MB), so a small page bounds what a reader holds.
 */
export async function listSessionEventBatchesPage(
  db: Database,
  sessionId: string,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; eventCount: number; body: string }[]> {
  return db
    .select({
      seq: sessionEventBatches.seq,
      eventCount: sessionEventBatches.eventCount,
      body: sessionEventBatches.body,
    })
    .from(sessionEventBatches)
    .where(and(eq(sessionEventBatches.sessionId, sessionId), gt(sessionEventBatches.seq, afterSeq)))
    .orderBy(asc(sessionEventBatches.seq))
    .limit(limit);
}

export async function hasSessionEventBatches(db: Database, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ seq: sessionEventBatches.seq })
    .from(sessionEventBatches)
    .where(eq(sessionEventBatches.sessionId, sessionId))
    .limit(1);
  return row !== undefined;
}

/** Only an uploaded (or re-driven processing/failed/completed) session starts processing; an open one does not. */
export async function markSessionProcessing(db: Database, sessionId: string) {
  const [row] = await db
    .update(sessions)
    .set({ status: "processing", error: null, updatedAt: new Date() })
    .where(
      and(
        eq(sessions.id, sessionId),
        inArray(sessions.status, ["uploaded", "processing", "failed", "completed"]),
      ),
    )
    .returning({ id: sessions.id });
  return row;
}

export async function markSessionCompleted(
  db: Database,
  sessionId: string,
  result: {
    sourceFormat: string | null;
    eventCount: number;
    interactionCount: number;
    actionCount: number;
    metrics: Record<string, unknown>;
    /** Left out when the customer stated the zone: the pipeline never overrides that. */
    timezone?: { timezone: string | null; timezoneSource: "recording" | "inferred" | "unknown" };
  },
) {
  const now = new Date();
  const { timezone, ...counts } = result;
  await db
    .update(sessions)
    .set({ ...counts, ...timezone, status: "completed", error: null, updatedAt: now, completedAt: now })
    .where(eq(sessions.id, sessionId));
}

export async function markSessionFailed(db: Database, sessionId: string, error: string) {
  await db
    .update(sessions)
    .set({ status: "failed", error, updatedAt: new Date() })
    .where(eq(sessions.id, sessionId));
}

/** Bytes each workspace keeps in storage: raw recordings plus generated examples. */
export async function sumStoredBytesPerWorkspace(db: Database): Promise<Map<string, number>> {
  const raw = await db
    .select({ workspaceId: sessions.workspaceId, bytes: sql<string>`coalesce(sum(${sessions.rawBytes}), 0)` })
    .from(sessions)
    .groupBy(sessions.workspaceId);
  const generated = await db
    .select({
      workspaceId: examples.workspaceId,
      bytes: sql<string>`coalesce(sum(${examples.sizeBytes}), 0)`,
    })
    .from(examples)
    .groupBy(examples.workspaceId);
  // Streamed sessions hold their events in the database (session_event_batches), not as a raw file.
  const streamed = await db
    .select({
      workspaceId: sessions.workspaceId,
      bytes: sql<string>`coalesce(sum(octet_length(${sessionEventBatches.body})), 0)`,
    })
    .from(sessionEventBatches)
    .innerJoin(sessions, eq(sessions.id, sessionEventBatches.sessionId))
    .groupBy(sessions.workspaceId);
  const totals = new Map<string, number>();
  for (const row of [...raw, ...generated, ...streamed]) {
    totals.set(row.workspaceId, (totals.get(row.workspaceId) ?? 0) + Number(row.bytes));
  }
  return totals;
}
