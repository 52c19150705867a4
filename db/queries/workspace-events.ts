import { and, asc, eq, gt, lt, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaceEvents } from "@/db/schema";

export type WorkspaceEventRow = Pick<typeof workspaceEvents.$inferSelect, "id" | "type" | "data">;

/** A workspace's events after `afterId`, oldest first (ids grow in commit order per workspace). */
export async function listWorkspaceEventsAfter(
  db: Database,
  { workspaceId, afterId, limit }: { workspaceId: string; afterId: number; limit: number },
): Promise<WorkspaceEventRow[]> {
  return db
    .select({ id: workspaceEvents.id, type: workspaceEvents.type, data: workspaceEvents.data })
    .from(workspaceEvents)
    .where(and(eq(workspaceEvents.workspaceId, workspaceId), gt(workspaceEvents.id, afterId)))
    .orderBy(asc(workspaceEvents.id))
    .limit(limit);
}

/** The newest event id of a workspace (0 when it has none): where a stream without `Last-Event-ID` starts. */
export async function getLatestWorkspaceEventId(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(workspaceEvents.id) })
    .from(workspaceEvents)
    .where(eq(workspaceEvents.workspaceId, workspaceId));
  return Number(row?.id ?? 0);
}

export async function deleteWorkspaceEventsBefore(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(workspaceEvents)
    .where(lt(workspaceEvents.createdAt, before))
    .returning({ id: workspaceEvents.id });
  return rows.length;
}
