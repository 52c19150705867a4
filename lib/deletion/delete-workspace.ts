import { getDb } from "@/db/client";
import { findMembership } from "@/db/queries/workspaces";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/workspaces/policy";
import type { DeletionReceiptResponse } from "@/schemas/deletion";
import { signDeletionReceipt } from "./deletion-receipt";
import { eraseWorkspace } from "./erase-workspace";

type Caller = Pick<Principal, "userId" | "workspaceId" | "role">;

/**
 * An owner deletes their current team workspace with everything in it and gets a signed receipt. The request is
 * audited in the owner's personal workspace, committed with the deletion: the workspace's own chain goes with it.
 * A personal workspace goes only with its account (`eraseAccount`). `confirmName` (the Settings form) must be the
 * workspace's name.
 *
 * Synchronous (200 with the receipt), not an Inngest run: the rows go in one transaction and storage is deleted
 * eight prefixes at a time. Locally 500 sessions took 3.9 s; on Vercel Blob a session costs 6 storage requests
 * (scripts/bench/workspace-deletion-bench.ts --blob), ~75 ms at 100 ms a request, so ~2,000 sessions fit a 300 s
 * function. Every step is safe to repeat, so a request cut short is finished by sending it again; beyond that size
 * the same steps belong in a durable function.
 */
export async function deleteWorkspace(
  caller: Caller,
  input: { confirmName?: string },
  meta: RequestMeta,
): Promise<DeletionReceiptResponse> {
  assertCan(caller.role, "delete_workspace");
  const workspace = await findMembership(await getDb(), caller);
  if (!workspace) throw notFound("Workspace");
  if (workspace.personal)
    throw new AppError({
      code: "conflict",
      message:
        "A personal workspace is deleted only with its account (Settings → Security → Delete account).",
    });
  if (input.confirmName !== undefined && input.confirmName.trim() !== workspace.name)
    throw new AppError({
      code: "unprocessable",
      message: "The name typed is not this workspace's name.",
      extensions: { errors: [{ field: "confirmName", code: "mismatch", message: `Type ${workspace.name}` }] },
    });
  const erased = await eraseWorkspace(caller.workspaceId, (tx, counts) =>
    recordAuditEvent(
      {
        type: "workspace.deleted",
        workspaceId: caller.userId,
        userId: caller.userId,
        target: { type: "workspace", id: caller.workspaceId },
        before: { name: workspace.name },
        metadata: { removed: counts },
      },
      meta,
      tx,
    ),
  );
  if (!erased) throw notFound("Workspace");
  return signDeletionReceipt({
    sub: `workspace:${caller.workspaceId}`,
    kind: "workspace",
    user_id: null,
    workspace_ids: [caller.workspaceId],
    requested_by: caller.userId,
    memberships_removed: erased.counts.members,
    removed: erased.counts,
    completed_at: new Date().toISOString(),
  });
}
