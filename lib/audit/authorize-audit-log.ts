import type { Principal } from "@/lib/auth/principal";

/** The permission that will guard the audit log once workspaces have roles (owners and admins hold it). */
export const AUDIT_LOG_PERMISSION = "manage_workspace" as const;

/**
 * The workspace whose audit log the caller may read. Today every user is the only member of their personal
 * workspace (its id is the user's id), and routes admit only full-scope credentials (browser sessions, Entra
 * tokens, full API keys). With workspace roles this is the one place to check `AUDIT_LOG_PERMISSION` for
 * `principal.workspaceId` and return that workspace.
 */
export function authorizeAuditLogRead(principal: Pick<Principal, "userId">): { workspaceId: string } {
  return { workspaceId: principal.userId };
}
