"use client";

import { Check, Copy } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { CreatedInvitation, WorkspaceRole } from "@/schemas/workspaces";

/** Invite by email with a role; the single-use link is shown once, to copy and send. */
export function InviteMemberForm({
  roles,
  action,
}: {
  /** The roles the inviter may grant (no higher than their own). */
  roles: WorkspaceRole[];
  action: (input: { email: string; role: WorkspaceRole }) => Promise<ActionResult<CreatedInvitation>>;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<WorkspaceRole>("member");
  const [result, setResult] = useState<ActionResult<CreatedInvitation>>();
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  const created = result?.ok ? result.data : undefined;

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border p-4"
      aria-label="Invite a member"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          setCopied(false);
          const next = await action({ email, role });
          setResult(next);
          if (next.ok) setEmail("");
        });
      }}
    >
      <h2 className="text-lg font-semibold">Invite a member</h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <Label htmlFor="invite-email">Email</Label>
          <Input
            id="invite-email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={Boolean(result && !result.ok && result.fieldErrors?.email)}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="invite-role">Role</Label>
          <NativeSelect
            id="invite-role"
            value={role}
            onChange={(event) => setRole(event.target.value as WorkspaceRole)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={pending}>
          Create invitation link
        </Button>
      </div>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {result.fieldErrors?.email ?? result.error}
        </p>
      ) : null}
      {created ? (
        <div className="flex flex-col gap-1" data-testid="invitation-link">
          <Label htmlFor="invitation-url">
            Link for {created.email} ({created.role}), single use, expires{" "}
            {new Date(created.expiresAt).toLocaleDateString()}. Copy it now: it is not shown again
            {created.emailed ? "" : ", and no email is sent (this server has no mailer)"}.
          </Label>
          <div className="flex gap-2">
            <Input id="invitation-url" readOnly value={created.url} className="font-mono text-xs" />
            <Button
              type="button"
              variant="outline"
              aria-label="Copy invitation link"
              onClick={async () => {
                await navigator.clipboard.writeText(created.url).catch(() => undefined);
                setCopied(true);
                toast.success("Link copied");
              }}
            >
              {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
