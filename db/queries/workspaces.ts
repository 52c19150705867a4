import { and, asc, eq, sql } from "drizzle-orm";
import type { WorkspaceRole } from "@/schemas/workspaces";
import type { Database } from "../client";
import { users, workspaceMembers, workspaces } from "../schema";

export type WorkspaceRow = typeof workspaces.$inferSelect;

/** The caller's membership of one workspace: the workspace id is in the WHERE clause with the user's. */
export async function findMembership(
  db: Database,
  { workspaceId, userId }: { workspaceId: string; userId: string },
) {
  const [row] = await db
    .select({
      workspaceId: workspaces.id,
      name: workspaces.name,
      personal: workspaces.personal,
      settings: workspaces.settings,
      createdAt: workspaces.createdAt,
      role: workspaceMembers.role,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return row;
}

/** Every workspace the user belongs to, personal first, then by name. */
export async function listWorkspacesOfUser(db: Database, userId: string) {
  return db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      personal: workspaces.personal,
      role: workspaceMembers.role,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(sql`${workspaces.personal} desc`, asc(workspaces.name), asc(workspaces.id));
}

export async function insertWorkspace(
  db: Database,
  input: { name: string; ownerId: string },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(workspaces).values({ name: input.name }).returning({ id: workspaces.id });
    if (!row) throw new Error("workspace insert returned no row");
    await tx.insert(workspaceMembers).values({ workspaceId: row.id, userId: input.ownerId, role: "owner" });
    return row;
  });
}

export async function updateWorkspaceRow(
  db: Database,
  workspaceId: string,
  values: { name?: string; settings?: Record<string, unknown> },
) {
  const [row] = await db
    .update(workspaces)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(workspaces.id, workspaceId))
    .returning({ id: workspaces.id });
  return row;
}

export async function listMembers(db: Database, workspaceId: string) {
  return db
    .select({
      userId: workspaceMembers.userId,
      email: users.email,
      displayName: users.displayName,
      role: workspaceMembers.role,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaceMembers.userId));
}

/** Adds the user, or leaves an existing membership as it is (an invitation never demotes). True when added. */
export async function insertMember(
  db: Database,
  input: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<boolean> {
  const rows = await db
    .insert(workspaceMembers)
    .values(input)
    .onConflictDoNothing()
    .returning({ userId: workspaceMembers.userId });
  return rows.length > 0;
}

/**
 * Changes or removes a membership, in one transaction that locks the workspace's owner rows first, so two
 * admins demoting the last two owners at once cannot leave it with none. `change` returns the new role, or
 * null to remove; it sees the current role and the owner count and may throw.
 */
export async function changeMember(
  db: Database,
  input: { workspaceId: string; userId: string },
  change: (current: { role: WorkspaceRole; owners: number }) => WorkspaceRole | null,
) {
  return db.transaction(async (tx) => {
    const owners = await tx
      .select({ userId: workspaceMembers.userId })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.role, "owner")))
      .for("update");
    const [current] = await tx
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(
        and(eq(workspaceMembers.workspaceId, input.workspaceId), eq(workspaceMembers.userId, input.userId)),
      )
      .for("update");
    if (!current) return undefined;
    const next = change({ role: current.role, owners: owners.length });
    const where = and(
      eq(workspaceMembers.workspaceId, input.workspaceId),
      eq(workspaceMembers.userId, input.userId),
    );
    if (next === null) await tx.delete(workspaceMembers).where(where);
    else await tx.update(workspaceMembers).set({ role: next, updatedAt: new Date() }).where(where);
    return { before: current.role, after: next };
  });
}
