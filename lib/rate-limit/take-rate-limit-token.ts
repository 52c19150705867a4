import { getDb } from "@/db/client";
import { type BucketSpec, findBucket, takeBucketToken } from "@/db/queries/rate-limits";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request may pass (only when denied). */
  retryAfterSeconds: number;
}

export async function takeRateLimitToken(spec: BucketSpec, now = new Date()): Promise<RateLimitResult> {
  const db = await getDb();
  const taken = await takeBucketToken(db, spec, now);
  let tokens = taken?.tokens;
  if (tokens === undefined) {
    // Denied: read the bucket to say how long until a token is back.
    const bucket = await findBucket(db, spec.key);
    const elapsed = bucket ? Math.max(0, (now.getTime() - bucket.updatedAt.getTime()) / 1000) : 0;
    tokens = Math.min(spec.capacity, (bucket?.tokens ?? 0) + elapsed * spec.ratePerSecond);
  }
  const allowed = taken !== undefined;
  return {
    allowed,
    limit: Math.floor(spec.capacity),
    remaining: Math.max(0, Math.floor(tokens)),
    resetSeconds: Math.ceil((spec.capacity - tokens) / spec.ratePerSecond),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / spec.ratePerSecond)),
  };
}
