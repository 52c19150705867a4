import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../client";
import { idempotencyKeys } from "../schema";

export async function findIdempotentResponse(
  db: Database,
  args: { userId: string; scope: string; key: string; notBefore: Date },
) {
  const [row] = await db
    .select({ status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, args.userId),
        eq(idempotencyKeys.scope, args.scope),
        eq(idempotencyKeys.key, args.key),
        gt(idempotencyKeys.createdAt, args.notBefore),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Keeps the first response for a key. An expired row with the same key is replaced; a concurrent first
 * request with the same key loses and its response is simply not stored.
 */
export async function saveIdempotentResponse(
  db: Database,
  args: { userId: string; scope: string; key: string; status: number; body: unknown; expiredBefore: Date },
) {
  await db
    .insert(idempotencyKeys)
    .values({
      userId: args.userId,
      scope: args.scope,
      key: args.key,
      responseStatus: args.status,
      responseBody: args.body,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
      set: { responseStatus: args.status, responseBody: args.body, createdAt: new Date() },
      setWhere: lt(idempotencyKeys.createdAt, args.expiredBefore),
    });
}

export async function deleteExpiredIdempotencyKeys(db: Database, expiredBefore: Date) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expiredBefore));
}
