import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { WorkspaceRole } from "@/schemas/workspaces";
import type { Database } from "../client";
import { workspaceInvitations, workspaceMembers, workspaces } from "../schema";

const summaryColumns = {
  id: workspaceInvitations.id,
  email: workspaceInvitations.email,
  role: workspaceInvitations.role,
  expiresAt: workspaceInvitations.expiresAt,
  createdAt: workspaceInvitations.createdAt,
};

export async function insertInvitation(
  db: Database,
  values: {
    workspaceId: string;
    email: string;
    role: WorkspaceRole;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db.insert(workspaceInvitations).values(values).returning(summaryColumns);
  if (!row) throw new Error("invitation insert returned no row");
  return row;
}

/** Open invitations (not accepted, revoked or expired) of one workspace, newest first. */
export async function listOpenInvitations(db: Database, workspaceId: string, now: Date) {
  return db
    .select(summaryColumns)
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
        gt(workspaceInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(workspaceInvitations.createdAt), desc(workspaceInvitations.id));
}

export async function findOpenInvitation(
  db: Database,
  { workspaceId, id }: { workspaceId: string; id: string },
) {
  const [row] = await db
    .select(summaryColumns)
    .from(workspaceInvitations)
    .where(
      and(
        eq(workspaceInvitations.id, id),
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function revokeInvitationRow(
  db: Database,
  { workspaceId, id, now }: { workspaceId: string; id: string; now: Date },
) {
  const rows = await db
    .update(workspaceInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(workspaceInvitations.id, id),
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
      ),
    )
    .returning({ id: workspaceInvitations.id });
  return rows.length > 0;
}

/** What an invitation link shows before it is accepted (the workspace's name and the role). */
export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      id: workspaceInvitations.id,
      workspaceId: workspaceInvitations.workspaceId,
      workspaceName: workspaces.name,
      email: workspaceInvitations.email,
      role: workspaceInvitations.role,
      expiresAt: workspaceInvitations.expiresAt,
      acceptedAt: workspaceInvitations.acceptedAt,
      revokedAt: workspaceInvitations.revokedAt,
    })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .where(eq(workspaceInvitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * Consumes the invitation and adds the user in one transaction: the UPDATE's condition makes the link
 * single-use even when two browsers accept it at once. Undefined when it was not open (used, revoked, expired).
 */
export async function acceptInvitationRow(
  db: Database,
  input: { tokenHash: string; userId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(workspaceInvitations)
      .set({ acceptedAt: input.now, acceptedBy: input.userId })
      .where(
        and(
          eq(workspaceInvitations.tokenHash, input.tokenHash),
          isNull(workspaceInvitations.acceptedAt),
          isNull(workspaceInvitations.revokedAt),
          gt(workspaceInvitations.expiresAt, input.now),
        ),
      )
      .returning({
        id: workspaceInvitations.id,
        workspaceId: workspaceInvitations.workspaceId,
        role: workspaceInvitations.role,
      });
    if (!invitation) return undefined;
    const added = await tx
      .insert(workspaceMembers)
      .values({ workspaceId: invitation.workspaceId, userId: input.userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ userId: workspaceMembers.userId });
    return { ...invitation, added: added.length > 0 };
  });
}
