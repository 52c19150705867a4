import { getDb } from "@/db/client";
import { type BucketSpec, findBucket, takeBucketTokens } from "@/db/queries/rate-limits";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request may pass (only when denied). */
  retryAfterSeconds: number;
}

/** Takes a token from every bucket at once; one result per bucket, in order. */
export async function takeRateLimitTokens(specs: BucketSpec[], now = new Date()): Promise<RateLimitResult[]> {
  const db = await getDb();
  const taken = await takeBucketTokens(db, specs, now);
  return Promise.all(
    specs.map(async (spec, i) => {
      let tokens = taken[i] ?? null;
      const allowed = tokens !== null;
      if (tokens === null) {
        // Denied: read the bucket to say how long until a token is back.
        const bucket = await findBucket(db, spec.key);
        const elapsed = bucket ? Math.max(0, (now.getTime() - bucket.updatedAt.getTime()) / 1000) : 0;
        tokens = Math.min(spec.capacity, (bucket?.tokens ?? 0) + elapsed * spec.ratePerSecond);
      }
      return {
        allowed,
        limit: Math.floor(spec.capacity),
        remaining: Math.max(0, Math.floor(tokens)),
        resetSeconds: Math.ceil((spec.capacity - tokens) / spec.ratePerSecond),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / spec.ratePerSecond)),
      };
    }),
  );
}

export async function takeRateLimitToken(spec: BucketSpec, now = new Date()): Promise<RateLimitResult> {
  const [result] = await takeRateLimitTokens([spec], now);
  if (!result) throw new Error("no rate limit result");
  return result;
}
