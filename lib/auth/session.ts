import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { UserRow } from "@/db/queries/users";
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
  return readRequestMeta(await headers(), { requestId: crypto.randomUUID() });
}
