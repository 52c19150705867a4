import { getDb } from "@/db/client";
import { closeOpenSession, findSessionForUser } from "@/db/queries/sessions";
import { notFound } from "@/lib/errors";
import { transactionWithEvents } from "@/lib/events/emit-events";
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
  // Closing and the event that starts the run commit together.
  const closed = await transactionWithEvents(db, async (tx, emit) => {
    const row = await closeOpenSession(tx, userId, sessionId);
    if (row)
      emit({ name: "session/uploaded", data: { sessionId, userId }, id: `session-uploaded-${sessionId}` });
    return row;
  });
  const current = closed ?? (await findSessionForUser(db, userId, sessionId));
  if (!current) throw notFound("Session");
  return { ...toSessionResponse(current), event_count: current.eventCount };
}
