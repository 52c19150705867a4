import type { BackoffPolicy } from "@/db/queries/login-throttles";
import type { BucketSpec } from "@/db/queries/rate-limits";
import type { Principal } from "@/lib/auth/principal";
import { getEnv } from "@/lib/env";

/**
 * API limits, per key and per user (RATE_LIMIT_* in .env.example). Defaults: 20 req/s for read/full keys (a
 * dashboard or script polling), 250 req/s for ingest keys because SDKs stream events and the ingest bench pushes
 * ~100 req/s per key, 500 req/s per user across all credentials. Buckets hold RATE_LIMIT_BURST_SECONDS (10) of
 * the rate, so short bursts pass. A rate of 0 disables that bucket.
 */
export function bucketsForPrincipal(principal: Principal): BucketSpec[] {
  const env = getEnv();
  const burst = env.RATE_LIMIT_BURST_SECONDS;
  const specs: BucketSpec[] = [];
  if (principal.apiKeyId) {
    const rate = principal.scope === "ingest" ? env.RATE_LIMIT_INGEST_KEY_RPS : env.RATE_LIMIT_KEY_RPS;
    specs.push({
      key: `key:${principal.apiKeyId}`,
      ratePerSecond: rate,
      capacity: Math.max(1, rate * burst),
    });
  }
  const userRate = env.RATE_LIMIT_USER_RPS;
  specs.push({
    key: `user:${principal.userId}`,
    ratePerSecond: userRate,
    capacity: Math.max(1, userRate * burst),
  });
  return specs.filter((spec) => spec.ratePerSecond > 0);
}

/**
 * Sign-in and sign-up attempts per client address, whatever the account: RATE_LIMIT_SIGN_IN_PER_MINUTE (20) at
 * once, refilling at that rate. It stops one address from spraying many accounts; the per-account back-off
 * (`ACCOUNT_ATTEMPT_BACKOFF`) stops many addresses from guessing one account. Undefined when disabled (0).
 */
export function signInAddressBucket(ip: string): BucketSpec | undefined {
  const perMinute = getEnv().RATE_LIMIT_SIGN_IN_PER_MINUTE;
  if (perMinute <= 0) return undefined;
  return { key: `sign-in-ip:${ip}`, capacity: perMinute, ratePerSecond: perMinute / 60 };
}

/**
 * Per account (email): 5 attempts, then 30 s, 60 s, 120 s … up to 15 minutes between attempts; forgotten after a
 * day without attempts or on a successful sign-in. About 6 guesses in the first minute and 12 in the first hour.
 */
export const ACCOUNT_ATTEMPT_BACKOFF: BackoffPolicy = {
  freeAttempts: 5,
  baseSeconds: 30,
  maxSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};
