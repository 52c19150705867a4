"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { DeleteAccountInput, DeletionReceiptResponse } from "@/schemas/deletion";
import { DeletionReceiptView } from "./deletion-receipt-view";

/** Account erasure: the password again (local accounts) and DELETE typed; the receipt is shown, signed out. */
export function DeleteAccountForm({
  hasPassword,
  action,
  leaveAction,
}: {
  hasPassword: boolean;
  action: (input: DeleteAccountInput) => Promise<ActionResult<DeletionReceiptResponse>>;
  /** Clears the dead session cookie and goes to sign-in. */
  leaveAction: (input: Record<string, never>) => Promise<ActionResult<unknown>>;
}) {
  const [result, setResult] = useState<ActionResult<DeletionReceiptResponse>>();
  const [isPending, startTransition] = useTransition();
  if (result?.ok)
    return (
      <div className="flex flex-col gap-3">
        <DeletionReceiptView result={result.data} />
        <p className="text-sm text-muted-foreground">Your account is gone and you are signed out.</p>
        <div>
          <Button
            type="button"
            variant="outline"
            onClick={() => startTransition(() => leaveAction({}).then(() => undefined))}
          >
            Close
          </Button>
        </div>
      </div>
    );
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const input = {
          password: hasPassword ? String(form.get("password") ?? "") : undefined,
          confirm: String(form.get("confirm") ?? "") as "DELETE",
        };
        startTransition(async () => setResult(await action(input)));
      }}
    >
      {hasPassword ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="delete-account-password">Password</Label>
          <Input
            id="delete-account-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(fieldErrors.password)}
          />
          {fieldErrors.password ? <p className="text-sm text-danger">{fieldErrors.password}</p> : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="delete-account-confirm">Type DELETE to confirm</Label>
        <Input
          id="delete-account-confirm"
          name="confirm"
          autoComplete="off"
          required
          aria-invalid={Boolean(fieldErrors.confirm)}
        />
        {fieldErrors.confirm ? <p className="text-sm text-danger">{fieldErrors.confirm}</p> : null}
      </div>
      {result && !result.ok && Object.keys(fieldErrors).length === 0 ? (
        <p role="alert" className="text-sm text-danger">
          {result.error}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="destructive" disabled={isPending}>
          {isPending ? "Deleting…" : "Delete my account"}
        </Button>
      </div>
    </form>
  );
}
