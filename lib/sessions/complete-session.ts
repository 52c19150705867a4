import { getDb } from "@/db/client";
import { closeOpenSession, findSessionForWorkspace } from "@/db/queries/sessions";
import type { Actor } from "@/lib/auth/principal";
import { notFound } from "@/lib/errors";
import { transactionWithEvents } from "@/lib/events/emit-events";
import { toSessionResponse } from "./session-response";

/**
 * Closes a streaming session and starts the pipeline. Completing again answers the current state without a
 * second pipeline run (the event id is derived from the session id, so a retried send is deduplicated too).
 */
export async function completeSession(actor: Actor, sessionId: string) {
  const db = await getDb();
  const session = await findSessionForWorkspace(db, actor.workspaceId, sessionId);
  if (!session) throw notFound("Session");
  if (session.status !== "open") return { ...toSessionResponse(session), event_count: session.eventCount };
  // Closing and the event that starts the run commit together.
  const closed = await transactionWithEvents(db, async (tx, emit) => {
    const row = await closeOpenSession(tx, actor.workspaceId, sessionId);
    if (row)
      emit({
        name: "session/uploaded",
        data: { sessionId, workspaceId: actor.workspaceId, userId: actor.userId },
        id: `session-uploaded-${sessionId}`,
      });
    return row;
  });
  const current = closed ?? (await findSessionForWorkspace(db, actor.workspaceId, sessionId));
  if (!current) throw notFound("Session");
  return { ...toSessionResponse(current), event_count: current.eventCount };
}
