import { getDb } from "@/db/client";
import { insertWorkspace, updateWorkspaceRow } from "@/db/queries/workspaces";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { updateDataPolicy } from "@/lib/data-policy/update-data-policy";
import type { CreateWorkspaceInput, UpdateWorkspaceInput, WorkspaceResponse } from "@/schemas/workspaces";
import { getWorkspace } from "./get-workspace";

/** Renames the workspace and/or replaces settings fields; the audit entry keeps what changed, before and after. */
export async function updateWorkspace(
  actor: Actor,
  input: UpdateWorkspaceInput,
  meta: RequestMeta,
): Promise<WorkspaceResponse> {
  const before = await getWorkspace(actor);
  // The data policy has its own table and audit entry (lib/data-policy); the workspace route is its home.
  if (input.redaction !== undefined || input.retention !== undefined) {
    await updateDataPolicy({
      ownerId: actor.workspaceId,
      actorId: actor.userId,
      changes: {
        ...(input.redaction !== undefined ? { redaction: input.redaction } : {}),
        ...(input.retention !== undefined ? { retention: input.retention } : {}),
      },
      meta,
    });
  }
  const settings = input.settings ? { ...before.settings, ...input.settings } : undefined;
  await updateWorkspaceRow(await getDb(), actor.workspaceId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(settings ? { settings } : {}),
  });
  const after = await getWorkspace(actor);
  await recordAuditEvent(
    {
      type: "workspace.updated",
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      target: { type: "workspace", id: actor.workspaceId },
      before: { name: before.name, settings: before.settings },
      after: { name: after.name, settings: after.settings },
    },
    meta,
  );
  return after;
}

/** A new team workspace with the user as its owner. */
export async function createWorkspace(userId: string, input: CreateWorkspaceInput, meta: RequestMeta) {
  const created = await insertWorkspace(await getDb(), { name: input.name, ownerId: userId });
  await recordAuditEvent(
    {
      type: "workspace.created",
      workspaceId: created.id,
      userId,
      target: { type: "workspace", id: created.id },
      after: { name: input.name },
    },
    meta,
  );
  return created;
}
