import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEventBatches, sessionFiles, sessions } from "../schema";

/**
 * Retention's reads and writes on a session's raw and derived data. Every statement names the owner, like every
 * other customer-data query.
 */

/**
 * Processed sessions of a workspace whose `layer` (raw recordings, or derived artifacts) is still kept and that were
 * completed before `before`; at most 500 per call (the hourly run comes back for the rest).
 */
export async function listSessionsKeepingBefore(
  db: Database,
  workspaceId: string,
  layer: "raw" | "derived",
  before: Date,
) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.workspaceId, workspaceId),
        isNull(layer === "raw" ? sessions.rawDeletedAt : sessions.derivedDeletedAt),
        sql`${sessions.status} in ('completed', 'failed')`,
        lt(sessions.completedAt, before),
      ),
    )
    .limit(500);
}

/** The raw files' storage keys, then (after the objects are gone) the rows: files, streamed events, bytes. */
export async function listRawFileKeys(db: Database, workspaceId: string, sessionId: string) {
  return db
    .select({ key: sessionFiles.storageKey })
    .from(sessionFiles)
    .innerJoin(sessions, eq(sessions.id, sessionFiles.sessionId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.workspaceId, workspaceId)));
}

export async function markRawDeleted(db: Database, workspaceId: string, sessionId: string, at: Date) {
  const [row] = await db
    .update(sessions)
    .set({ rawDeletedAt: at, rawBytes: 0, updatedAt: at })
    .where(
      and(eq(sessions.id, sessionId), eq(sessions.workspaceId, workspaceId), isNull(sessions.rawDeletedAt)),
    )
    .returning({ id: sessions.id });
  if (!row) return false;
  await db.delete(sessionFiles).where(eq(sessionFiles.sessionId, sessionId));
  await db.delete(sessionEventBatches).where(eq(sessionEventBatches.sessionId, sessionId));
  return true;
}

export async function markDerivedDeleted(db: Database, workspaceId: string, sessionId: string, at: Date) {
  const [row] = await db
    .update(sessions)
    .set({ derivedDeletedAt: at, updatedAt: at })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.workspaceId, workspaceId),
        isNull(sessions.derivedDeletedAt),
      ),
    )
    .returning({ id: sessions.id });
  return Boolean(row);
}
