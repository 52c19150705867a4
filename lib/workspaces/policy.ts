import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/schemas/workspaces";

export type { WorkspaceRole };

/** Everything a role may or may not do. Routes, server actions, pages and MCP tools all ask `can`. */
export type Permission =
  | "read"
  | "upload"
  | "create_example"
  | "review"
  | "delete_data"
  | "manage_keys"
  | "manage_members"
  | "manage_workspace"
  | "billing"
  | "delete_workspace";

const rank: Record<WorkspaceRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** The least role that holds each permission; every role above it holds it too. */
const leastRole: Record<Permission, WorkspaceRole> = {
  read: "viewer",
  upload: "member",
  create_example: "member",
  review: "member",
  /** Deleting a session or example (with everything derived from it). */
  delete_data: "member",
  manage_keys: "admin",
  manage_members: "admin",
  manage_workspace: "admin",
  billing: "owner",
  delete_workspace: "owner",
};

export const ROLES = Object.keys(rank) as WorkspaceRole[];
export const PERMISSIONS = Object.keys(leastRole) as Permission[];

export const can = (role: WorkspaceRole, permission: Permission) => rank[role] >= rank[leastRole[permission]];

/** Whether `role` is at most `limit` (a member cannot grant more than they hold). */
export const roleAtMost = (role: WorkspaceRole, limit: WorkspaceRole) => rank[role] <= rank[limit];

/** 403 naming the role and the permission it lacks. */
export function assertCan(role: WorkspaceRole, permission: Permission): void {
  if (can(role, permission)) return;
  throw new AppError({
    code: "forbidden",
    message: `Your role in this workspace is '${role}'; this needs the '${permission}' permission (${leastRole[permission]} or above)`,
    extensions: { role, permission },
  });
}
