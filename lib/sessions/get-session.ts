import { getDb } from "@/db/client";
import { countSessionEvents } from "@/db/queries/session-events";
import { listSessionFiles } from "@/db/queries/session-files";
import { findSessionForWorkspace } from "@/db/queries/sessions";
import { describeRetention } from "@/lib/data-policy/describe-retention";
import { getDataPolicy } from "@/lib/data-policy/get-data-policy";
import { notFound } from "@/lib/errors";
import { toSessionResponse } from "./session-response";

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** One session of the caller with counts, files and pipeline metrics; 404 for anyone else's. */
export async function getSessionDetail(workspaceId: string, sessionId: string) {
  if (!isUuid(sessionId)) throw notFound("Session");
  const db = await getDb();
  const session = await findSessionForWorkspace(db, workspaceId, sessionId);
  if (!session) throw notFound("Session");
  const files = await listSessionFiles(db, session.id);
  const policy = await getDataPolicy(workspaceId, db);
  // An open session's count moves with every batch; count it live instead of trusting the stored column.
  const eventCount =
    session.status === "open" ? await countSessionEvents(db, session.id) : session.eventCount;
  return {
    ...toSessionResponse(session),
    suite_ids: session.suiteIds ?? [session.suiteId],
    suite_notice: typeof session.metrics?.suiteNotice === "string" ? session.metrics.suiteNotice : null,
    timezone: session.timezone,
    timezone_source: session.timezoneSource,
    source_format: session.sourceFormat,
    event_count: eventCount,
    interaction_count: session.interactionCount,
    action_count: session.actionCount,
    raw_bytes: session.rawBytes,
    metrics: session.metrics ?? null,
    error: session.error,
    files: files.map((f) => ({
      id: f.id,
      file_name: f.fileName,
      size_bytes: f.sizeBytes,
      format: f.format,
      created_at: f.createdAt.toISOString(),
    })),
    updated_at: session.updatedAt.toISOString(),
    completed_at: session.completedAt?.toISOString() ?? null,
    retention: describeRetention(session, policy.retention),
  };
}

export { isUuid };
