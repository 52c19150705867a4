import { getDb } from "@/db/client";
import { deleteDirectUploadFilesForSession } from "@/db/queries/direct-upload-files";
import { deleteSessionForUser, listExampleIdsForSession } from "@/db/queries/sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { isUuid } from "./get-session";

/**
 * Deletes a session with everything derived from it: its rows (events, files and examples cascade) and its
 * stored objects (`sessions/<id>/` and each example's `examples/<id>/`). Rows go first so a failure half-way
 * leaves unreachable objects at worst, never a session pointing at missing files. Storage metering counts rows,
 * so it stops with them. With `meta` (a person or key asked) the deletion is audited.
 */
export async function deleteSession(userId: string, sessionId: string, meta?: RequestMeta): Promise<void> {
  if (!isUuid(sessionId)) throw notFound("Session");
  const db = await getDb();
  const examples = await listExampleIdsForSession(db, userId, sessionId);
  const deleted = await db.transaction(async (tx) => {
    const row = await deleteSessionForUser(tx, userId, sessionId);
    if (row && meta)
      await recordAuditEvent(
        "session.deleted",
        { userId },
        meta,
        { sessionId, examples: examples.length },
        tx,
      );
    return row;
  });
  if (!deleted) throw notFound("Session");
  // A direct-upload token for this session must not write again after the deletion (no orphaned objects).
  await deleteDirectUploadFilesForSession(db, { userId, sessionId });
  const store = await getObjectStore();
  const prefixes = [`sessions/${sessionId}/`, ...examples.map((e) => `examples/${e.id}/`)];
  for (const prefix of prefixes) {
    try {
      await store.deletePrefix(prefix);
    } catch (error) {
      childLogger("sessions").error({ err: error, sessionId, prefix }, "deleting stored objects failed");
      throw error;
    }
  }
}
