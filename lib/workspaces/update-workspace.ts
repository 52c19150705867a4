import { getDb } from "@/db/client";
import { insertWorkspace, updateWorkspaceRow } from "@/db/queries/workspaces";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { CreateWorkspaceInput, UpdateWorkspaceInput, WorkspaceResponse } from "@/schemas/workspaces";
import { getWorkspace } from "./get-workspace";

/** Renames the workspace and/or replaces settings fields; the audit entry keeps what changed, before and after. */
export async function updateWorkspace(
  actor: Actor,
  input: UpdateWorkspaceInput,
  meta: RequestMeta,
): Promise<WorkspaceResponse> {
  const before = await getWorkspace(actor);
  const settings = input.settings ? { ...before.settings, ...input.settings } : undefined;
  await updateWorkspaceRow(await getDb(), actor.workspaceId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(settings ? { settings } : {}),
  });
  const after = await getWorkspace(actor);
  await recordAuditEvent("workspace.updated", actor, meta, {
    workspaceId: actor.workspaceId,
    before: { name: before.name, settings: before.settings },
    after: { name: after.name, settings: after.settings },
  });
  return after;
}

/** A new team workspace with the user as its owner. */
export async function createWorkspace(userId: string, input: CreateWorkspaceInput, meta: RequestMeta) {
  const created = await insertWorkspace(await getDb(), { name: input.name, ownerId: userId });
  await recordAuditEvent("workspace.created", { userId }, meta, {
    workspaceId: created.id,
    name: input.name,
  });
  return created;
}
