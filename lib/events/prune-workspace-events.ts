import { getDb } from "@/db/client";
import { deleteWorkspaceEventsBefore } from "@/db/queries/workspace-events";

/** How far back `Last-Event-ID` can resume: a client gone longer reloads its lists instead. */
export const WORKSPACE_EVENTS_KEPT_MS = 7 * 24 * 60 * 60_000;

/** Deletes stream events past the resume window; returns how many. */
export async function pruneWorkspaceEvents(now = new Date()): Promise<number> {
  return deleteWorkspaceEventsBefore(await getDb(), new Date(now.getTime() - WORKSPACE_EVENTS_KEPT_MS));
}
