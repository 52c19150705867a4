import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rateLimitBuckets } from "../schema";

export interface BucketSpec {
  key: string;
  /** Bucket size: the largest burst. */
  capacity: number;
  /** Tokens added per second. */
  ratePerSecond: number;
}

/**
 * Takes one token from a token bucket in a single atomic statement, so concurrent requests on any instance
 * agree. The bucket refills lazily from `updated_at`. When the bucket holds less than one token the row is left
 * untouched and no row comes back: that is the denial signal.
 */
export async function takeBucketToken(db: Database, spec: BucketSpec, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const refilled = sql`least(${spec.capacity}::float8, ${rateLimitBuckets.tokens} + greatest(0, extract(epoch from (${at} - ${rateLimitBuckets.updatedAt}))) * ${spec.ratePerSecond}::float8)`;
  const rows = await db
    .insert(rateLimitBuckets)
    .values({ key: spec.key, tokens: spec.capacity - 1, updatedAt: now })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: { tokens: sql`${refilled} - 1`, updatedAt: sql`greatest(${rateLimitBuckets.updatedAt}, ${at})` },
      setWhere: sql`${refilled} >= 1`,
    })
    .returning({ tokens: rateLimitBuckets.tokens });
  return rows[0];
}

export async function findBucket(db: Database, key: string) {
  const [row] = await db
    .select({ tokens: rateLimitBuckets.tokens, updatedAt: rateLimitBuckets.updatedAt })
    .from(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, key))
    .limit(1);
  return row;
}
