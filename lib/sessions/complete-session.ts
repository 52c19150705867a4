import { getDb } from "@/db/client";
import { closeOpenSession, findSessionForUser } from "@/db/queries/sessions";
import { sessionUploaded } from "@/inngest/events";
import { sendEvent } from "@/inngest/send-event";
import { notFound } from "@/lib/errors";
import { toSessionResponse } from "./session-response";

/**
 * Closes a streaming session and starts the pipeline. Completing again answers the current state without a
 * second pipeline run (the event id is derived from the session id, so a retried send is deduplicated too).
 */
export async function completeSession(userId: string, sessionId: string) {
  const db = await getDb();
  const session = await findSessionForUser(db, userId, sessionId);
  if (!session) throw notFound("Session");
  if (session.status !== "open") return { ...toSessionResponse(session), event_count: session.eventCount };
  const closed = await closeOpenSession(db, userId, sessionId);
  const current = closed ?? (await findSessionForUser(db, userId, sessionId));
  if (!current) throw notFound("Session");
  if (closed) {
    await sendEvent({
      name: sessionUploaded.name,
      data: { sessionId, userId },
      id: `session-uploaded-${sessionId}`,
    });
  }
  return { ...toSessionResponse(current), event_count: current.eventCount };
}
