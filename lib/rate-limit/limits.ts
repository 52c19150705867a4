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

/** Sign-in attempts per email and client address: 10 at once, then one every 30 seconds. */
export function loginAttemptBucket(email: string, ip: string | null): BucketSpec {
  return {
    key: `login:${email.trim().toLowerCase()}:${ip ?? "unknown"}`,
    capacity: 10,
    ratePerSecond: 1 / 30,
  };
}
