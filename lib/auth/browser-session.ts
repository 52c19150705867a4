import { getToken, type JWT } from "next-auth/jwt";
import { getDb } from "@/db/client";
import {
  deleteAuthSession,
  deleteAuthSessionsForUser,
  findSessionUser,
  insertAuthSession,
} from "@/db/queries/auth-sessions";
import type { UserRow } from "@/db/queries/users";
import { getAuthSecret } from "./auth-secret";

/** A browser session lasts 30 days from sign-in, however often the cookie is refreshed. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Records a new signed-in browser; its id goes into the session cookie as `sid`. */
export async function startBrowserSession(userId: string, now = new Date()): Promise<string> {
  return insertAuthSession(await getDb(), {
    userId,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
  });
}

const sessionIdentity = (token: JWT | null | undefined) =>
  typeof token?.sid === "string" && typeof token.userId === "string"
    ? { sessionId: token.sid, userId: token.userId }
    : undefined;

/** Sign-out: the cookie's session row goes, so a copy of the cookie stops working too. */
export async function endBrowserSession(token: JWT | null | undefined): Promise<void> {
  const identity = sessionIdentity(token);
  if (identity) await deleteAuthSession(await getDb(), identity);
}

/** "Sign out everywhere", a password change: every browser of the user is signed out. */
export async function endAllBrowserSessions(userId: string): Promise<number> {
  return deleteAuthSessionsForUser(await getDb(), userId);
}

/**
 * The decoded session cookie of a request. Auth.js names the cookie `__Secure-…` on https; behind a proxy the
 * original scheme is in X-Forwarded-Proto (which Next also sets for direct requests).
 */
export async function readSessionToken(headers: Headers, fallbackProtocol = "http"): Promise<JWT | null> {
  if (!headers.get("cookie")?.includes("authjs.session-token")) return null;
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? fallbackProtocol;
  return getToken({ req: { headers }, secret: getAuthSecret(), secureCookie: protocol === "https" });
}

/**
 * The user of a session cookie, checked against the database on every request: the session row must exist
 * and be unexpired (sign-out, "sign out everywhere", a password change and account removal delete it).
 */
export async function findBrowserSessionUser(token: JWT | null): Promise<UserRow | undefined> {
  const identity = sessionIdentity(token);
  if (!identity) return undefined;
  return findSessionUser(await getDb(), { ...identity, now: new Date() });
}
