import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { apiKeys, users } from "../schema";

export type ApiKeyScope = (typeof apiKeys.$inferSelect)["scope"];

export async function findApiKeyByHash(db: Database, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      scope: apiKeys.scope,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row;
}

/** Touches last_used_at at most once a minute so a busy key does not write on every request. */
/** Marks a never-used key used; true only for the one request that did it (the first use is audited once). */
export async function claimApiKeyFirstUse(db: Database, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.lastUsedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export async function touchApiKeyLastUsed(db: Database, id: string, now: Date) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
        ),
      ),
    );
}

const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  displayPrefix: apiKeys.displayPrefix,
  displaySuffix: apiKeys.displaySuffix,
  scope: apiKeys.scope,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdAt: apiKeys.createdAt,
};

export type ApiKeyRow = {
  id: string;
  name: string;
  displayPrefix: string;
  displaySuffix: string;
  scope: ApiKeyScope;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export async function insertApiKey(
  db: Database,
  values: {
    userId: string;
    name: string;
    keyHash: string;
    displayPrefix: string;
    displaySuffix: string;
    scope: ApiKeyScope;
    expiresAt: Date | null;
  },
): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning(listColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Active (not revoked) keys of one user, newest first. */
export async function listActiveApiKeys(db: Database, userId: string): Promise<ApiKeyRow[]> {
  return db
    .select(listColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Only the owner column: callers decide between 404 (missing) and 403 (someone else's). */
export async function findApiKeyOwner(db: Database, id: string) {
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.id, id))
    .limit(1);
  return row;
}

export async function revokeApiKeyRow(
  db: Database,
  { userId, id, now }: { userId: string; id: string; now: Date },
) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/**
 * Inserts a key unless one with the same hash exists, in any state: a revoked key stays revoked. True when inserted.
 */
export async function insertApiKeyIfAbsent(
  db: Database,
  values: Parameters<typeof insertApiKey>[1],
): Promise<boolean> {
  const rows = await db
    .insert(apiKeys)
    .values(values)
    .onConflictDoNothing({ target: apiKeys.keyHash })
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
