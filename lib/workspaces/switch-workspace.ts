import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { findMembership } from "@/db/queries/workspaces";
import { WORKSPACE_COOKIE } from "./current-workspace";
import { requireFound } from "./require-found";

/**
 * Makes `workspaceId` the browser's current workspace. Only a member may choose it (404 otherwise, as for any
 * workspace resource); every request checks membership again anyway.
 */
export async function switchWorkspace(userId: string, workspaceId: string): Promise<void> {
  requireFound(await findMembership(await getDb(), { workspaceId, userId }), "Workspace");
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}
