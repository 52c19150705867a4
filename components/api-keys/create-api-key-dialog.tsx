"use client";

import { TriangleAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { CreatedApiKey } from "@/schemas/api-keys";
import { CopyButton } from "./copy-button";
import { SCOPE_HELP } from "./key-commands";
import { KeyCommandsPanel } from "./key-commands-panel";

type CreateInput = { name: string; scope: "ingest" | "read" | "full"; expiresAt?: string | null };

export function CreateApiKeyDialog({
  action,
}: {
  action: (input: CreateInput) => Promise<ActionResult<CreatedApiKey>>;
}) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult<CreatedApiKey>>();
  const [scope, setScope] = useState<CreateInput["scope"]>("ingest");
  const [pending, startTransition] = useTransition();
  const created = result?.ok ? result.data : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Closing forgets the secret: it is shown exactly once.
        if (!next) {
          setResult(undefined);
          setScope("ingest");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>Generate new key</Button>
      </DialogTrigger>
      {/* Scrolls inside itself: the commands make it taller than a phone's screen. */}
      <DialogContent className="max-h-[90dvh] w-[calc(100vw-2rem)] overflow-y-auto">
        {created ? (
          <>
            <DialogTitle>Your new API key</DialogTitle>
            <p
              className="flex items-start gap-2 rounded-md bg-warning-muted p-3 text-sm text-warning-muted-foreground"
              role="alert"
            >
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              Copy it now. This is the only time it is shown; Tracepipe stores only a hash.
            </p>
            <div className="flex gap-2">
              <Input
                readOnly
                value={created.secret}
                aria-label="New API key"
                className="font-mono text-xs"
                data-testid="new-api-key"
              />
              <CopyButton text={created.secret} label="Copy key" toastText="Key copied" />
            </div>
            <KeyCommandsPanel secret={created.secret} scope={created.scope} />
            <DialogClose asChild>
              <Button variant="outline">Done</Button>
            </DialogClose>
          </>
        ) : (
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const expires = String(form.get("expiresAt") ?? "");
              const input: CreateInput = {
                name: String(form.get("name") ?? ""),
                scope: String(form.get("scope")) as CreateInput["scope"],
                // A date input means "through the end of that day" in the user's time zone.
                expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
              };
              startTransition(async () => setResult(await action(input)));
            }}
          >
            <DialogTitle>Generate a new API key</DialogTitle>
            <DialogDescription>
              Give it a name you will recognize and the narrowest scope that works.
            </DialogDescription>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="key-name">Name</Label>
              <Input id="key-name" name="name" required maxLength={100} placeholder="CI uploader" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="key-scope">Scope</Label>
              <NativeSelect
                id="key-scope"
                name="scope"
                value={scope}
                onChange={(event) => setScope(event.target.value as CreateInput["scope"])}
                aria-describedby="key-scope-help"
              >
                <option value="ingest">ingest — upload and stream recordings</option>
                <option value="read">read — read sessions and examples</option>
                <option value="full">full — everything</option>
              </NativeSelect>
              <p id="key-scope-help" className="text-xs text-muted-foreground" data-testid="scope-help">
                {SCOPE_HELP[scope]}
              </p>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="key-expiry">Expires (optional)</Label>
              <Input id="key-expiry" name="expiresAt" type="date" />
            </div>
            {result && !result.ok ? (
              <p role="alert" className="text-sm text-danger">
                {Object.values(result.fieldErrors ?? {})[0] ?? result.error}
              </p>
            ) : null}
            <Button type="submit" disabled={pending}>
              Create key
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
