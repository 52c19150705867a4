"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { DeletionReceiptResponse } from "@/schemas/deletion";
import { DeletionReceiptView } from "./deletion-receipt-view";

/** The danger zone: deleting needs the workspace's name typed exactly; the receipt is shown once done. */
export function DeleteWorkspaceForm({
  name,
  action,
}: {
  name: string;
  action: (input: { confirmName: string }) => Promise<ActionResult<DeletionReceiptResponse>>;
}) {
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<ActionResult<DeletionReceiptResponse>>();
  const [isPending, startTransition] = useTransition();
  if (result?.ok)
    return (
      <div className="flex flex-col gap-3">
        <DeletionReceiptView result={result.data} />
        {/* A full page load, not a client navigation: the shared layout (the workspace switcher) must render anew. */}
        <a className="text-sm underline" href="/dashboard">
          Go to your personal workspace
        </a>
      </div>
    );
  const error = result && !result.ok ? (result.fieldErrors?.confirmName ?? result.error) : undefined;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => setResult(await action({ confirmName: typed })));
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="confirm-workspace-name">Type {name} to confirm</Label>
        <Input
          id="confirm-workspace-name"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={Boolean(error)}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="destructive" disabled={isPending || typed.trim() !== name}>
          {isPending ? "Deleting…" : "Delete workspace"}
        </Button>
      </div>
    </form>
  );
}
