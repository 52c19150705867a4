import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessions } from "../schema";

/** Whether `userId` owns the session. The user id is part of the WHERE clause, never checked afterwards. */
export async function isSessionOwnedByUser(
  db: Database,
  { sessionId, userId }: { sessionId: string; userId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function isExampleOwnedByUser(
  db: Database,
  { exampleId, userId }: { exampleId: string; userId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: examples.id })
    .from(examples)
    .where(and(eq(examples.id, exampleId), eq(examples.userId, userId)))
    .limit(1);
  return row !== undefined;
}
