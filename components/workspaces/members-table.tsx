"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { WorkspaceMember, WorkspaceRole } from "@/schemas/workspaces";

/** Members with their roles; managers change roles and remove, anyone but a personal workspace's owner leaves. */
export function MembersTable({
  members,
  currentUserId,
  grantableRoles,
  canManage,
  canLeave,
  changeRoleAction,
  removeAction,
  leaveAction,
}: {
  members: WorkspaceMember[];
  currentUserId: string;
  /** Roles the viewer of the page may grant and act on; an empty list means they manage no one. */
  grantableRoles: WorkspaceRole[];
  canManage: boolean;
  canLeave: boolean;
  changeRoleAction: (input: { userId: string; role: WorkspaceRole }) => Promise<ActionResult<void>>;
  removeAction: (input: { userId: string }) => Promise<ActionResult<void>>;
  leaveAction: (input: Record<string, never>) => Promise<ActionResult<void>>;
}) {
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult<void>>, done: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(done);
      else toast.error(result.error);
    });

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead />
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.userId === currentUserId;
          const manageable = canManage && grantableRoles.includes(member.role);
          return (
            <TableRow key={member.userId} data-testid="member-row">
              <TableCell className="font-medium">
                {member.displayName}
                {isSelf ? <span className="text-muted-foreground"> (you)</span> : null}
              </TableCell>
              <TableCell>{member.email}</TableCell>
              <TableCell>
                {manageable ? (
                  <NativeSelect
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    disabled={pending}
                    onChange={(event) =>
                      run(
                        () =>
                          changeRoleAction({
                            userId: member.userId,
                            role: event.target.value as WorkspaceRole,
                          }),
                        `${member.email} is now ${event.target.value}`,
                      )
                    }
                  >
                    {grantableRoles.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  member.role
                )}
              </TableCell>
              <TableCell className="text-right">
                {isSelf && canLeave ? (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    onClick={() => run(() => leaveAction({}), "You left the workspace")}
                  >
                    Leave workspace
                  </Button>
                ) : null}
                {!isSelf && manageable ? (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    aria-label={`Remove ${member.email}`}
                    onClick={() =>
                      run(() => removeAction({ userId: member.userId }), `${member.email} removed`)
                    }
                  >
                    Remove
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
