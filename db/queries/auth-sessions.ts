import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { authSessions, users } from "../schema";
import type { UserRow } from "./users";

export async function insertAuthSession(
  db: Database,
  values: { userId: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db.insert(authSessions).values(values).returning({ id: authSessions.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** The user of a live session: the row exists, has not expired and belongs to `userId`. */
export async function findSessionUser(
  db: Database,
  { sessionId, userId, now }: { sessionId: string; userId: string; now: Date },
): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, createdAt: users.createdAt })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, sessionId),
        eq(authSessions.userId, userId),
        gt(authSessions.expiresAt, sql`${now.toISOString()}::timestamptz`),
      ),
    )
    .limit(1);
  return row;
}

export async function deleteAuthSession(
  db: Database,
  { sessionId, userId }: { sessionId: string; userId: string },
) {
  await db.delete(authSessions).where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId)));
}

/** Ends every session of a user; returns how many there were. */
export async function deleteAuthSessionsForUser(db: Database, userId: string): Promise<number> {
  const rows = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ id: authSessions.id });
  return rows.length;
}
