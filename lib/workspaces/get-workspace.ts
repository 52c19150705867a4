import { getDb } from "@/db/client";
import { findMembership, listWorkspacesOfUser } from "@/db/queries/workspaces";
import type { Actor } from "@/lib/auth/principal";
import { notFound } from "@/lib/errors";
import { type WorkspaceResponse, workspaceSettingsSchema } from "@/schemas/workspaces";

/** The caller's current workspace with the caller's role in it. */
export async function getWorkspace(actor: Actor): Promise<WorkspaceResponse> {
  const row = await findMembership(await getDb(), actor);
  if (!row) throw notFound("Workspace");
  return {
    id: row.workspaceId,
    name: row.name,
    personal: row.personal,
    role: row.role,
    // Stored settings were validated on write; parsing again drops fields a later version removed.
    settings: workspaceSettingsSchema.catch({}).parse(row.settings),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every workspace the user belongs to, for the switcher. */
export async function listMyWorkspaces(userId: string) {
  return listWorkspacesOfUser(await getDb(), userId);
}
