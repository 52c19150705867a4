import { eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rateLimitBuckets } from "../schema";

export interface BucketSpec {
  key: string;
  /** Bucket size: the largest burst. */
  capacity: number;
  /** Tokens added per second. */
  ratePerSecond: number;
}

function upsertBucket(spec: BucketSpec, at: SQL): SQL {
  const refilled = sql`least(${spec.capacity}::float8, b.tokens + greatest(0, extract(epoch from (${at} - b.updated_at))) * ${spec.ratePerSecond}::float8)`;
  return sql`insert into rate_limit_buckets as b (key, tokens, updated_at)
    values (${spec.key}, ${spec.capacity - 1}::float8, ${at})
    on conflict (key) do update set tokens = ${refilled} - 1, updated_at = greatest(b.updated_at, ${at})
    where ${refilled} >= 1
    returning tokens`;
}

/**
 * Takes one token from each bucket in a single atomic statement (one round trip, one commit), so concurrent
 * requests on any instance agree. Buckets refill lazily from `updated_at`. A bucket holding less than one token is
 * left untouched and yields null: that is the denial signal.
 */
export async function takeBucketTokens(
  db: Database,
  specs: BucketSpec[],
  now: Date,
): Promise<(number | null)[]> {
  if (specs.length === 0) return [];
  const at = sql`${now.toISOString()}::timestamptz`;
  const ctes = sql.join(
    specs.map((spec, i) => sql`${sql.raw(`b${i}`)} as (${upsertBucket(spec, at)})`),
    sql`, `,
  );
  const columns = sql.join(
    specs.map((_, i) => sql.raw(`(select tokens from b${i}) as t${i}`)),
    sql`, `,
  );
  const result = (await db.execute(sql`with ${ctes} select ${columns}`)) as unknown as {
    rows: Record<string, number | string | null>[];
  };
  const row = result.rows[0] ?? {};
  return specs.map((_, i) => {
    const value = row[`t${i}`];
    return value === null || value === undefined ? null : Number(value);
  });
}

export async function findBucket(db: Database, key: string) {
  const [row] = await db
    .select({ tokens: rateLimitBuckets.tokens, updatedAt: rateLimitBuckets.updatedAt })
    .from(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, key))
    .limit(1);
  return row;
}
