import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { apiKeys, users, workspaceMembers } from "../schema";

export type ApiKeyScope = (typeof apiKeys.$inferSelect)["scope"];

export async function findApiKeyByHash(db: Database, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      workspaceId: apiKeys.workspaceId,
      /** The creator's current role in the key's workspace (null once they left): a key never exceeds it. */
      creatorRole: workspaceMembers.role,
      scope: apiKeys.scope,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, apiKeys.workspaceId), eq(workspaceMembers.userId, apiKeys.userId)),
    )
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row;
}

/** Touches last_used_at at most once a minute so a busy key does not write on every request. */
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
    workspaceId: string;
    /** Who created it: the key acts with at most this user's role in the workspace. */
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

/** Active (not revoked) keys of one workspace, newest first. */
export async function listActiveApiKeys(db: Database, workspaceId: string): Promise<ApiKeyRow[]> {
  return db
    .select(listColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** A key of the workspace (a key of another workspace is not found). */
export async function findApiKeyForWorkspace(
  db: Database,
  { workspaceId, id }: { workspaceId: string; id: string },
) {
  const [row] = await db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

export async function revokeApiKeyRow(
  db: Database,
  { workspaceId, id, now }: { workspaceId: string; id: string; now: Date },
) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
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
