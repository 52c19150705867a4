import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  apiKeys,
  auditLog,
  directUploadFiles,
  examples,
  reviewItems,
  sessions,
  users,
  workspaceEvents,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from "../schema";

/** The ids whose storage prefixes (`sessions/<id>/`, `examples/<id>/`) hold the workspace's objects. */
export async function listWorkspaceStorageOwners(db: Database, workspaceId: string) {
  const sessionRows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.workspaceId, workspaceId));
  // A direct upload writes under its session's prefix before the session row exists.
  const uploadRows = await db
    .selectDistinct({ id: directUploadFiles.sessionId })
    .from(directUploadFiles)
    .where(eq(directUploadFiles.workspaceId, workspaceId));
  const exampleRows = await db
    .select({ id: examples.id })
    .from(examples)
    .where(eq(examples.workspaceId, workspaceId));
  return {
    sessionIds: [...new Set([...sessionRows, ...uploadRows].map((row) => row.id))],
    exampleIds: exampleRows.map((row) => row.id),
  };
}

export interface DeletedWorkspaceRows {
  name: string;
  personal: boolean;
  sessions: number;
  examples: number;
  reviewItems: number;
  apiKeys: number;
  members: number;
  invitations: number;
  auditEntries: number;
}

/**
 * Deletes the workspace row (every row it owns cascades) and then its audit chain, which the append-only trigger
 * allows only once the workspace is gone (migration 0017). Locks the workspace row first: a concurrent insert of a
 * session or key for it waits on that lock and then fails its foreign key, so nothing is left behind. Run it in a
 * transaction. Returns what was removed, or undefined when there is no such workspace.
 */
export async function deleteWorkspaceRows(
  tx: Database,
  workspaceId: string,
): Promise<DeletedWorkspaceRows | undefined> {
  const [workspace] = await tx
    .select({ name: workspaces.name, personal: workspaces.personal })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  if (!workspace) return undefined;
  const counted = async (
    table: typeof sessions | typeof examples | typeof reviewItems | typeof apiKeys | typeof workspaceMembers,
  ) => {
    const [row] = await tx.select({ n: count() }).from(table).where(eq(table.workspaceId, workspaceId));
    return row?.n ?? 0;
  };
  const [invitations] = await tx
    .select({ n: count() })
    .from(workspaceInvitations)
    .where(eq(workspaceInvitations.workspaceId, workspaceId));
  const removed = {
    ...workspace,
    sessions: await counted(sessions),
    examples: await counted(examples),
    reviewItems: await counted(reviewItems),
    apiKeys: await counted(apiKeys),
    members: await counted(workspaceMembers),
    invitations: invitations?.n ?? 0,
  };
  await tx.delete(workspaces).where(eq(workspaces.id, workspaceId));
  const audit = await tx
    .delete(auditLog)
    .where(eq(auditLog.workspaceId, workspaceId))
    .returning({ id: auditLog.id });
  // The live stream's log has no foreign key (it must never block a delete); its rows name the workspace's sessions.
  await tx.delete(workspaceEvents).where(eq(workspaceEvents.workspaceId, workspaceId));
  return { ...removed, auditEntries: audit.length };
}

/** Every workspace the user belongs to, with what erasure needs to decide: owners and members besides them. */
export async function listMembershipsForErasure(db: Database, userId: string) {
  const others = sql<number>`(select count(*) from ${workspaceMembers} m where m.workspace_id = ${workspaces.id} and m.user_id <> ${userId})::int`;
  const otherOwners = sql<number>`(select count(*) from ${workspaceMembers} m where m.workspace_id = ${workspaces.id} and m.user_id <> ${userId} and m.role = 'owner')::int`;
  return db
    .select({
      workspaceId: workspaces.id,
      name: workspaces.name,
      personal: workspaces.personal,
      role: workspaceMembers.role,
      otherMembers: others,
      otherOwners,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.id));
}

/** The owner who inherits what a departing user created in a workspace (the longest-standing other owner). */
export async function findSuccessorOwner(db: Database, input: { workspaceId: string; userId: string }) {
  const [row] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, input.workspaceId),
        eq(workspaceMembers.role, "owner"),
        ne(workspaceMembers.userId, input.userId),
      ),
    )
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaceMembers.userId))
    .limit(1);
  return row?.userId;
}

/**
 * Hands what `fromUserId` created in the workspace (sessions, examples, review items, direct uploads) to
 * `toUserId`: those rows reference the user with ON DELETE CASCADE, and the data is the team's, not the person's.
 */
export async function reassignCreatedRows(
  tx: Database,
  input: { workspaceId: string; fromUserId: string; toUserId: string },
): Promise<number> {
  let moved = 0;
  for (const table of [sessions, examples, reviewItems, directUploadFiles] as const) {
    const rows = await tx
      .update(table)
      .set({ userId: input.toUserId })
      .where(and(eq(table.workspaceId, input.workspaceId), eq(table.userId, input.fromUserId)))
      .returning({ userId: table.userId });
    moved += rows.length;
  }
  return moved;
}

/** The user's API keys of workspaces that stay (they die with the user: ON DELETE CASCADE). */
export async function countApiKeysOfUser(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(apiKeys).where(eq(apiKeys.userId, userId));
  return row?.n ?? 0;
}

/** Deletes the user; memberships, keys, auth sessions and linked identities cascade. */
export async function deleteUserRow(tx: Database, userId: string): Promise<boolean> {
  const rows = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}
