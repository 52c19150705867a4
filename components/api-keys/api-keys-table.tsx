"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { ApiKeySummary } from "@/schemas/api-keys";

// On a phone the dates give way, so Revoke stays on screen without scrolling the table.
const WIDE_ONLY = "hidden md:table-cell";

const formatDate = (iso: string | null, empty: string) => (iso ? new Date(iso).toLocaleString() : empty);

export function ApiKeysTable({
  keys,
  revokeAction,
}: {
  keys: ApiKeySummary[];
  revokeAction: (input: { id: string }) => Promise<ActionResult<void>>;
}) {
  const [revoking, setRevoking] = useState<ApiKeySummary>();
  const [pending, startTransition] = useTransition();

  if (keys.length === 0) {
    return <p className="text-sm text-muted-foreground">No API keys yet. Generate one to call the API.</p>;
  }
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Scope</TableHead>
            <TableHead className={WIDE_ONLY}>Created</TableHead>
            <TableHead className={WIDE_ONLY}>Last used</TableHead>
            <TableHead className={WIDE_ONLY}>Expires</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id} data-testid="api-key-row">
              <TableCell className="font-medium">{key.name}</TableCell>
              <TableCell className="font-mono text-xs">{key.maskedKey}</TableCell>
              <TableCell>{key.scope}</TableCell>
              <TableCell className={WIDE_ONLY}>{formatDate(key.createdAt, "")}</TableCell>
              <TableCell className={WIDE_ONLY}>{formatDate(key.lastUsedAt, "Never")}</TableCell>
              <TableCell className={WIDE_ONLY}>{formatDate(key.expiresAt, "Never")}</TableCell>
              <TableCell className="text-right">
                <Button variant="outline" size="sm" onClick={() => setRevoking(key)}>
                  Revoke
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={Boolean(revoking)} onOpenChange={(open) => !open && setRevoking(undefined)}>
        <DialogContent>
          <DialogTitle>Revoke “{revoking?.name}”?</DialogTitle>
          <DialogDescription>
            Requests with {revoking?.maskedKey} fail with 401 from now on. This cannot be undone.
          </DialogDescription>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  if (!revoking) return;
                  const result = await revokeAction({ id: revoking.id });
                  if (result.ok) toast.success("Key revoked");
                  else toast.error(result.error);
                  setRevoking(undefined);
                })
              }
            >
              Revoke key
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
