import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { UserRow } from "@/db/queries/users";
import { readWorkspaceCookie, resolveMembership } from "@/lib/workspaces/current-workspace";
import type { WorkspaceRole } from "@/schemas/workspaces";
import { findBrowserSessionUser, readSessionToken } from "./browser-session";
import { type RequestMeta, readRequestMeta } from "./request-meta";

/**
 * The signed-in user, or undefined. Pages and actions call this themselves; the layout check is not enough. The
 * cookie alone is not trusted: its session row must still exist (see `findBrowserSessionUser`).
 */
export async function getSessionUser(): Promise<UserRow | undefined> {
  return findBrowserSessionUser(await readSessionToken(await headers()));
}

/** The signed-in session's cookie payload (for ending this session), or null. */
export async function getSessionToken() {
  return readSessionToken(await headers());
}

/** For protected pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSessionUser(returnTo = "/dashboard"): Promise<UserRow> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function getActionRequestMeta(): Promise<RequestMeta> {
  return readRequestMeta(await headers());
}

/** A signed-in user in their current workspace (the browser's choice, personal by default). */
export interface SessionMember {
  user: UserRow;
  userId: string;
  workspaceId: string;
  role: WorkspaceRole;
}

/** The signed-in user and their current workspace and role, or undefined. */
export async function getSessionMember(): Promise<SessionMember | undefined> {
  const requestHeaders = await headers();
  const user = await findBrowserSessionUser(await readSessionToken(requestHeaders));
  if (!user) return undefined;
  const membership = await resolveMembership(user.id, readWorkspaceCookie(requestHeaders));
  return { user, userId: user.id, ...membership };
}

/** For protected pages: the member, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSessionMember(returnTo = "/dashboard"): Promise<SessionMember> {
  const member = await getSessionMember();
  if (!member) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return member;
}
