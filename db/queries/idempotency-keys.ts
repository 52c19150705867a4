import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { idempotencyKeys } from "../schema";

interface KeyArgs {
  workspaceId: string;
  scope: string;
  key: string;
}

export interface IdempotencyRow {
  fingerprint: string;
  status: number | null;
  body: unknown;
}

const byKey = (args: KeyArgs) =>
  and(
    eq(idempotencyKeys.workspaceId, args.workspaceId),
    eq(idempotencyKeys.scope, args.scope),
    eq(idempotencyKeys.key, args.key),
  );

/**
 * Claims a key for one running request in one statement: inserts it, or takes over a row that expired or whose
 * runner never finished (a crashed process) before `staleBefore`. Returns true when this caller holds the claim;
 * the primary key makes two concurrent claims of a fresh key resolve to exactly one winner.
 */
export async function claimIdempotencyKey(
  db: Database,
  args: KeyArgs & { fingerprint: string; expiredBefore: Date; staleBefore: Date },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({
      workspaceId: args.workspaceId,
      scope: args.scope,
      key: args.key,
      fingerprint: args.fingerprint,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.workspaceId, idempotencyKeys.scope, idempotencyKeys.key],
      set: { fingerprint: args.fingerprint, responseStatus: null, responseBody: null, createdAt: new Date() },
      setWhere: or(
        lt(idempotencyKeys.createdAt, args.expiredBefore),
        and(isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.createdAt, args.staleBefore)),
      ),
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(db: Database, args: KeyArgs): Promise<IdempotencyRow | undefined> {
  const [row] = await db
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(byKey(args))
    .limit(1);
  return row;
}

/** Stores the response of the claim held for `fingerprint` (a takeover by another request leaves it alone). */
export async function saveIdempotentResponse(
  db: Database,
  args: KeyArgs & { fingerprint: string; status: number; body: unknown },
) {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: args.status, responseBody: args.body })
    .where(
      and(
        byKey(args),
        eq(idempotencyKeys.fingerprint, args.fingerprint),
        isNull(idempotencyKeys.responseStatus),
      ),
    );
}

/** Drops an unfinished claim after the request failed, so a retry runs again (errors are not replayed). */
export async function releaseIdempotencyKey(db: Database, args: KeyArgs & { fingerprint: string }) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        byKey(args),
        eq(idempotencyKeys.fingerprint, args.fingerprint),
        isNull(idempotencyKeys.responseStatus),
      ),
    );
}

export async function deleteExpiredIdempotencyKeys(db: Database, expiredBefore: Date) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expiredBefore));
}
