import { eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { loginThrottles } from "../schema";

export interface BackoffPolicy {
  /** Attempts allowed before the first block. */
  freeAttempts: number;
  /** First block; each later attempt doubles it. */
  baseSeconds: number;
  maxSeconds: number;
  /** A key untouched this long starts again from zero. */
  forgetAfterSeconds: number;
}

/**
 * Counts one attempt for `key` unless the key is blocked, in one atomic statement (concurrent attempts on any
 * instance cannot slip past the count). From the `freeAttempts`-th attempt on, each attempt blocks the key for
 * base·2^(n−free) seconds, capped. Returns null when the key is blocked: nothing was counted.
 */
export async function countLoginAttempt(
  db: Database,
  key: string,
  policy: BackoffPolicy,
  now: Date,
): Promise<number | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const next = sql`(case when t.updated_at < ${at} - make_interval(secs => ${policy.forgetAfterSeconds}::float8)
    then 1 else t.failures + 1 end)`;
  const blockFor = (failures: SQL) => sql`case when ${failures} >= ${policy.freeAttempts}::int
    then ${at} + make_interval(secs => least(${policy.maxSeconds}::float8,
      ${policy.baseSeconds}::float8 * power(2, ${failures} - ${policy.freeAttempts}::int)))
    else null end`;
  const result =
    (await db.execute(sql`insert into login_throttles as t (key, failures, blocked_until, updated_at)
    values (${key}, 1, ${blockFor(sql`1`)}, ${at})
    on conflict (key) do update set failures = ${next}, blocked_until = ${blockFor(next)}, updated_at = ${at}
    where t.blocked_until is null or t.blocked_until <= ${at}
    returning failures`)) as unknown as { rows: { failures: number | string }[] };
  const row = result.rows[0];
  return row ? Number(row.failures) : null;
}

export async function findLoginThrottle(db: Database, key: string) {
  const [row] = await db
    .select({ failures: loginThrottles.failures, blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key))
    .limit(1);
  return row;
}

/** A successful sign-in forgets the key's failures. */
export async function clearLoginThrottle(db: Database, key: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}
