import { getDb } from "@/db/client";
import { deleteDirectUploadFilesForSession } from "@/db/queries/direct-upload-files";
import { deleteSessionForWorkspace, listExampleIdsForSession } from "@/db/queries/sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
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
export async function deleteSession(actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
  if (!isUuid(sessionId)) throw notFound("Session");
  const db = await getDb();
  const { workspaceId, userId } = actor;
  const examples = await listExampleIdsForSession(db, workspaceId, sessionId);
  // The deletion and its audit entry commit together: no deleted session without a record, and no record of a
  // deletion that rolled back.
  const deleted = await db.transaction(async (tx) => {
    const row = await deleteSessionForWorkspace(tx, workspaceId, sessionId);
    if (!row) return undefined;
    await recordAuditEvent(
      {
        type: "session.deleted",
        workspaceId,
        userId,
        target: { type: "session", id: sessionId },
        metadata: { examplesDeleted: examples.length },
      },
      meta,
      tx,
    );
    return row;
  });
  if (!deleted) throw notFound("Session");
  // A direct-upload token for this session must not write again after the deletion (no orphaned objects).
  await deleteDirectUploadFilesForSession(db, { workspaceId, sessionId });
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
