import { getDb } from "@/db/client";
import { findMembership, listWorkspacesOfUser } from "@/db/queries/workspaces";
import { forbidden } from "@/lib/errors";
import type { WorkspaceRole } from "@/schemas/workspaces";

/** The browser's current workspace id. Only a choice: membership is checked on every request. */
export const WORKSPACE_COOKIE = "tp_workspace";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readWorkspaceCookie(headers: Headers): string | undefined {
  for (const part of headers.get("cookie")?.split(";") ?? []) {
    const [name, value] = part.trim().split("=");
    if (name === WORKSPACE_COOKIE && value && uuidPattern.test(value)) return value;
  }
  return undefined;
}

export interface CurrentMembership {
  workspaceId: string;
  role: WorkspaceRole;
}

/**
 * The workspace a signed-in user acts in: the requested one if they are a member, else their personal workspace
 * (id = the user's id), else the first they belong to. A workspace they left is simply not chosen any more.
 */
export async function resolveMembership(userId: string, requested?: string): Promise<CurrentMembership> {
  const db = await getDb();
  for (const workspaceId of requested ? [requested, userId] : [userId]) {
    const row = await findMembership(db, { workspaceId, userId });
    if (row) return { workspaceId: row.workspaceId, role: row.role };
  }
  const [first] = await listWorkspacesOfUser(db, userId);
  if (!first) throw forbidden("This account is not a member of any workspace");
  return { workspaceId: first.id, role: first.role };
}
