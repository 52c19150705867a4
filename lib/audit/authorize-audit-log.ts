import type { Principal } from "@/lib/auth/principal";
import { assertCan, type Permission } from "@/lib/workspaces/policy";

/** Reading a workspace's audit log is workspace administration: admins and owners. */
export const AUDIT_LOG_PERMISSION: Permission = "manage_workspace";

/**
 * The workspace whose audit log the caller may read: the one they act in, if their role there allows it (403
 * otherwise). Routes also admit only full-scope credentials (browser sessions, Entra tokens, full API keys).
 */
export function authorizeAuditLogRead(principal: Pick<Principal, "workspaceId" | "role">): {
  workspaceId: string;
} {
  assertCan(principal.role, AUDIT_LOG_PERMISSION);
  return { workspaceId: principal.workspaceId };
}
