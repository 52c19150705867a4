import { readWorkspaceCookie, resolveMembership } from "@/lib/workspaces/current-workspace";
import { findBrowserSessionUser, readSessionToken } from "./browser-session";
import type { Principal } from "./principal";

/**
 * The signed-in browser session (Auth.js encrypted JWT cookie naming a server-side session row). The cookie is
 * SameSite=Lax, and cookie-authenticated writes are checked for a same-origin JSON request (`assertSameOriginWrite`).
 */
export async function resolveSessionPrincipal(request: Request): Promise<Principal | undefined> {
  const protocol = new URL(request.url).protocol.replace(":", "");
  const user = await findBrowserSessionUser(await readSessionToken(request.headers, protocol));
  if (!user) return undefined;
  const membership = await resolveMembership(user.id, readWorkspaceCookie(request.headers));
  return { userId: user.id, ...membership, via: "browser_session", scope: "full" };
}
