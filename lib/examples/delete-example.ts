import { getDb } from "@/db/client";
import { deleteExampleForWorkspace } from "@/db/queries/examples";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/sessions/get-session";
import { getObjectStore } from "@/lib/storage/get-object-store";

/**
 * Deletes one of the caller's examples: the row (its storage bytes stop being metered with it) and its stored
 * messages under `examples/<id>/`, audited. Someone else's example is a 404, as on every read.
 */
export async function deleteExample(input: {
  workspaceId: string;
  actorId: string;
  exampleId: string;
  meta: RequestMeta;
}) {
  if (!isUuid(input.exampleId)) throw notFound("Example");
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    const row = await deleteExampleForWorkspace(tx, input.workspaceId, input.exampleId);
    if (row)
      await recordAuditEvent(
        {
          type: "example.deleted",
          workspaceId: input.workspaceId,
          userId: input.actorId,
          target: { type: "example", id: row.id },
          metadata: { sessionId: row.sessionId },
        },
        input.meta,
        tx,
      );
    return row;
  });
  if (!deleted) throw notFound("Example");
  await (await getObjectStore()).deletePrefix(`examples/${deleted.id}/`);
  return deleted;
}
