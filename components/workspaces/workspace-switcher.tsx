"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
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
import type { WorkspaceRole } from "@/schemas/workspaces";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  personal: boolean;
  role: WorkspaceRole;
}

/** The current workspace, and every other one the user belongs to; a new team workspace starts here too. */
export function WorkspaceSwitcher({
  workspaces,
  currentId,
  switchAction,
  createAction,
}: {
  workspaces: SwitcherWorkspace[];
  currentId: string;
  switchAction: (input: { workspaceId: string }) => Promise<ActionResult<void>>;
  createAction: (input: { name: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="flex items-center gap-2">
      <NativeSelect
        aria-label="Workspace"
        className="max-w-[11rem] truncate"
        value={currentId}
        disabled={pending}
        onChange={(event) =>
          startTransition(async () => {
            const result = await switchAction({ workspaceId: event.target.value });
            if (!result.ok) toast.error(result.error);
            router.push("/dashboard");
            router.refresh();
          })
        }
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.personal ? `${workspace.name} (personal)` : workspace.name} · {workspace.role}
          </option>
        ))}
      </NativeSelect>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label="New workspace" title="New workspace">
            <Plus className="size-4" aria-hidden />
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>New workspace</DialogTitle>
          <DialogDescription>
            A shared workspace for a team. You are its owner and can invite others.
          </DialogDescription>
          <form
            className="flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              startTransition(async () => {
                const result = await createAction({ name });
                if (!result.ok) {
                  setError(result.fieldErrors?.name ?? result.error);
                  return;
                }
                setOpen(false);
                setName("");
                router.push("/dashboard");
                router.refresh();
              });
            }}
          >
            <Label htmlFor="workspace-name">Name</Label>
            <Input
              id="workspace-name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            {error ? (
              <p role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                Create workspace
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
