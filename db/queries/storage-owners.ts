import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessions } from "../schema";

/** Whether `workspaceId` owns the session. The user id is part of the WHERE clause, never checked afterwards. */
export async function isSessionOwnedByWorkspace(
  db: Database,
  { sessionId, workspaceId }: { sessionId: string; workspaceId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.workspaceId, workspaceId)))
    .limit(1);
  return row !== undefined;
}

export async function isExampleOwnedByWorkspace(
  db: Database,
  { exampleId, workspaceId }: { exampleId: string; workspaceId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: examples.id })
    .from(examples)
    .where(and(eq(examples.id, exampleId), eq(examples.workspaceId, workspaceId)))
    .limit(1);
  return row !== undefined;
}
