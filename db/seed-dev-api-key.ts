import { apiKeyDisplayParts, hashApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";
import { getDatabaseMode, getEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import type { Database } from "./client";
import { deleteApiKeysExcept } from "./queries/api-keys";
import { findUserCredentialsByEmail, insertUser } from "./queries/users";
import { apiKeys } from "./schema";

export const DEV_USER_EMAIL = "dev@tracepipe.local";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The seed may run in development and tests anywhere, and in production only against a local database. */
export function assertDevSeedAllowed(env = getEnv()): void {
  if (env.NODE_ENV !== "production" || getDatabaseMode(env) === "pglite" || !env.DATABASE_URL) return;
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `TRACEPIPE_SEED_API_KEY is set while NODE_ENV=production and DATABASE_URL points at ${host}: refusing to ` +
        "seed a development user with a known key into a non-local database. Unset TRACEPIPE_SEED_API_KEY.",
    );
  }
}

/**
 * Development seed (TRACEPIPE_SEED_API_KEY): dev@tracepipe.local holds exactly that key, scope full. Idempotent:
 * re-running changes nothing; a different key replaces the old one.
 */
export async function seedDevApiKey(db: Database, env = getEnv()): Promise<void> {
  const secret = env.TRACEPIPE_SEED_API_KEY;
  if (!secret) return;
  assertDevSeedAllowed(env);
  if (!looksLikeApiKey(secret))
    throw new Error("TRACEPIPE_SEED_API_KEY must look like tp_live_ + 32–64 base62 characters");
  const keyHash = await hashApiKey(secret);
  await db.transaction(async (tx) => {
    const user =
      (await findUserCredentialsByEmail(tx, DEV_USER_EMAIL)) ??
      (await insertUser(tx, { email: DEV_USER_EMAIL, displayName: "Development user" }));
    await deleteApiKeysExcept(tx, user.id, keyHash);
    await tx
      .insert(apiKeys)
      .values({
        userId: user.id,
        name: "Development seed key",
        keyHash,
        scope: "full",
        ...apiKeyDisplayParts(secret),
      })
      .onConflictDoUpdate({
        target: apiKeys.keyHash,
        set: { userId: user.id, scope: "full", revokedAt: null, expiresAt: null },
      });
  });
  childLogger("seed").info({ email: DEV_USER_EMAIL }, "development API key ensured");
}
