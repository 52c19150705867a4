import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { clearLoginThrottle, countLoginAttempt, findLoginThrottle } from "@/db/queries/login-throttles";
import { ACCOUNT_ATTEMPT_BACKOFF, signInAddressBucket } from "@/lib/rate-limit/limits";
import { takeRateLimitToken } from "@/lib/rate-limit/take-rate-limit-token";
import type { RequestMeta } from "./request-meta";

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The throttle key of an account: a hash, so the table holds no email addresses. */
const accountKey = (email: string) =>
  `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url")}`;

/**
 * Takes one sign-in (or sign-up) attempt for `email` from `meta.ip`, before any password work. A refused attempt
 * is refused whatever the password: the caller must not check it, so the right password cannot slip through a
 * throttled account.
 */
export async function takeSignInAttempt(
  email: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<AttemptDecision> {
  const addressBucket = meta.ip ? signInAddressBucket(meta.ip) : undefined;
  if (addressBucket) {
    const address = await takeRateLimitToken(addressBucket, now);
    if (!address.allowed) return { allowed: false, retryAfterSeconds: address.retryAfterSeconds };
  }
  const db = await getDb();
  const key = accountKey(email);
  if ((await countLoginAttempt(db, key, ACCOUNT_ATTEMPT_BACKOFF, now)) !== null) return { allowed: true };
  const blockedUntil = (await findLoginThrottle(db, key))?.blockedUntil;
  const seconds = blockedUntil ? Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000) : 1;
  return { allowed: false, retryAfterSeconds: Math.max(1, seconds) };
}

/** After a successful sign-in the account's failures are forgotten. */
export async function forgetSignInFailures(email: string): Promise<void> {
  await clearLoginThrottle(await getDb(), accountKey(email));
}
