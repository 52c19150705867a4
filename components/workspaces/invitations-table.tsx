"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { InvitationSummary } from "@/schemas/workspaces";

export function InvitationsTable({
  invitations,
  revokeAction,
}: {
  invitations: InvitationSummary[];
  revokeAction: (input: { id: string }) => Promise<ActionResult<void>>;
}) {
  const [pending, startTransition] = useTransition();
  if (invitations.length === 0) return <p className="text-sm text-muted-foreground">No open invitations.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead />
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id} data-testid="invitation-row">
            <TableCell>{invitation.email}</TableCell>
            <TableCell>{invitation.role}</TableCell>
            <TableCell>{new Date(invitation.expiresAt).toLocaleString()}</TableCell>
            <TableCell className="text-right">
              <Button
                variant="outline"
                size="sm"
                disabled={pending}
                aria-label={`Revoke invitation for ${invitation.email}`}
                onClick={() =>
                  startTransition(async () => {
                    const result = await revokeAction({ id: invitation.id });
                    if (result.ok) toast.success("Invitation revoked: its link no longer works");
                    else toast.error(result.error);
                  })
                }
              >
                Revoke
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
