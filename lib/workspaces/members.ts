import { getDb } from "@/db/client";
import { changeMember, listMembers } from "@/db/queries/workspaces";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { WorkspaceMember, WorkspaceRole } from "@/schemas/workspaces";
import { roleAtMost } from "./policy";

type Caller = Pick<Principal, "userId" | "workspaceId" | "role">;

export async function listWorkspaceMembers(workspaceId: string): Promise<WorkspaceMember[]> {
  const rows = await listMembers(await getDb(), workspaceId);
  return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

const lastOwner = (what: string) =>
  new AppError({
    code: "conflict",
    message: `${what}: a workspace keeps at least one owner. Make another member owner first.`,
  });

/** No one acts on a member above their own role, or grants a role above it (an admin cannot make owners). */
function assertWithinRole(caller: Caller, role: WorkspaceRole, what: string) {
  if (!roleAtMost(role, caller.role))
    throw forbidden(`Your role is '${caller.role}'; only an owner can ${what} an owner`);
}

export async function changeMemberRole(
  caller: Caller,
  input: { userId: string; role: WorkspaceRole },
  meta: RequestMeta,
) {
  const db = await getDb();
  const result = await changeMember(
    db,
    { workspaceId: caller.workspaceId, userId: input.userId },
    (current) => {
      assertWithinRole(caller, current.role, "change");
      assertWithinRole(caller, input.role, "make");
      if (current.role === "owner" && input.role !== "owner" && current.owners <= 1)
        throw lastOwner("The last owner cannot be demoted");
      return input.role;
    },
  );
  if (!result) throw notFound("Member");
  await recordAuditEvent("workspace.member_role_changed", caller, meta, {
    workspaceId: caller.workspaceId,
    memberId: input.userId,
    before: { role: result.before },
    after: { role: result.after },
  });
  return { userId: input.userId, role: input.role };
}

export async function removeMember(caller: Caller, userId: string, meta: RequestMeta) {
  if (userId === caller.userId) return leaveWorkspace(caller, meta);
  const result = await changeMember(await getDb(), { workspaceId: caller.workspaceId, userId }, (current) => {
    assertWithinRole(caller, current.role, "remove");
    if (current.role === "owner" && current.owners <= 1) throw lastOwner("The last owner cannot be removed");
    return null;
  });
  if (!result) throw notFound("Member");
  await recordAuditEvent("workspace.member_removed", caller, meta, {
    workspaceId: caller.workspaceId,
    memberId: userId,
    before: { role: result.before },
  });
}

/** The caller leaves the workspace; their API keys of it stop working at once (authentication needs a role). */
export async function leaveWorkspace(caller: Caller, meta: RequestMeta) {
  if (caller.workspaceId === caller.userId)
    throw new AppError({ code: "conflict", message: "You cannot leave your personal workspace" });
  const result = await changeMember(await getDb(), caller, (current) => {
    if (current.role === "owner" && current.owners <= 1) throw lastOwner("The last owner cannot leave");
    return null;
  });
  if (!result) throw notFound("Member");
  await recordAuditEvent("workspace.member_left", caller, meta, {
    workspaceId: caller.workspaceId,
    before: { role: result.before },
  });
}
