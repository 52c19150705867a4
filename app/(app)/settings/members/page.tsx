import { InvitationsTable } from "@/components/workspaces/invitations-table";
import { InviteMemberForm } from "@/components/workspaces/invite-member-form";
import { MembersTable } from "@/components/workspaces/members-table";
import { requireSessionMember } from "@/lib/auth/session";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listInvitations } from "@/lib/workspaces/invitations";
import { listWorkspaceMembers } from "@/lib/workspaces/members";
import { can, ROLES, roleAtMost } from "@/lib/workspaces/policy";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage() {
  const member = await requireSessionMember("/settings/members");
  const canManage = can(member.role, "manage_members");
  const [workspace, members, invitations] = await Promise.all([
    getWorkspace(member),
    listWorkspaceMembers(member.workspaceId),
    canManage ? listInvitations(member.workspaceId) : Promise.resolve([]),
  ]);
  // Most powerful first, as a role picker reads; no one grants more than they hold.
  const grantableRoles = ROLES.filter((role) => roleAtMost(role, member.role)).reverse();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="text-sm text-muted-foreground">
          {workspace.name}
          {workspace.personal ? " (your personal workspace)" : ""} · your role: <strong>{member.role}</strong>
          . Viewers read; members also upload, stream, create examples and review; admins also manage keys,
          members and settings; owners also billing.
        </p>
      </div>
      {canManage ? <InviteMemberForm roles={grantableRoles} action={inviteMemberAction} /> : null}
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          People ({members.length})
        </h2>
        <MembersTable
          members={members}
          currentUserId={member.userId}
          grantableRoles={canManage ? grantableRoles : []}
          canManage={canManage}
          canLeave={!workspace.personal}
          changeRoleAction={changeMemberRoleAction}
          removeAction={removeMemberAction}
          leaveAction={leaveWorkspaceAction}
        />
      </section>
      {canManage ? (
        <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            Open invitations
          </h2>
          <InvitationsTable invitations={invitations} revokeAction={revokeInvitationAction} />
        </section>
      ) : null}
    </div>
  );
}
