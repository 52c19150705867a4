import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { getAuthSecret } from "./auth-secret";
import type { Principal } from "./principal";

/** Auth.js names the cookie `__Secure-…` on https; behind a proxy the original scheme is in X-Forwarded-Proto. */
export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/**
 * The signed-in browser session (Auth.js encrypted JWT cookie). The cookie is SameSite=Lax, so a cross-site form
 * cannot ride it into a state-changing API call.
 */
export async function resolveSessionPrincipal(request: Request): Promise<Principal | undefined> {
  if (!request.headers.get("cookie")?.includes("authjs.session-token")) return undefined;
  const token = await getToken({
    req: request,
    secret: getAuthSecret(),
    secureCookie: isSecureRequest(request),
  });
  const userId = typeof token?.userId === "string" ? token.userId : undefined;
  if (!userId) return undefined;
  // A deleted account's cookie must stop working even before it expires.
  const user = await findUserById(await getDb(), userId);
  return user ? { userId: user.id, via: "browser_session", scope: "full" } : undefined;
}
