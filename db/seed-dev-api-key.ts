import { apiKeyDisplayParts, hashApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";
import { getDatabaseMode, getEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import type { Database } from "./client";
import { insertApiKeyIfAbsent } from "./queries/api-keys";
import { findUserCredentialsByEmail, insertUser } from "./queries/users";

export const DEV_USER_EMAIL = "dev@tracepipe.local";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * A key everyone can read in a .env file must never reach a shared database: the seed runs against the embedded
 * database or a Postgres on this machine only, whatever NODE_ENV says (a staging database often runs as
 * "development").
 */
export function assertDevSeedAllowed(env = getEnv()): void {
  if (getDatabaseMode(env) === "pglite" || !env.DATABASE_URL) return;
  const host = new URL(env.DATABASE_URL).hostname;
  if (getDatabaseMode(env) === "neon" || !LOCAL_HOSTS.has(host)) {
    throw new Error(
      `TRACEPIPE_SEED_API_KEY is set while DATABASE_URL points at ${host}: refusing to seed a development user ` +
        "with a known key into a non-local database. Unset TRACEPIPE_SEED_API_KEY.",
    );
  }
}

/**
 * Development seed (TRACEPIPE_SEED_API_KEY): gives dev@tracepipe.local that key, scope full, once. A key that
 * exists in any state is left alone, so revoking it sticks across restarts, and the user's other keys are never
 * touched.
 */
export async function seedDevApiKey(db: Database, env = getEnv()): Promise<void> {
  const secret = env.TRACEPIPE_SEED_API_KEY;
  if (!secret) return;
  assertDevSeedAllowed(env);
  if (!looksLikeApiKey(secret))
    throw new Error("TRACEPIPE_SEED_API_KEY must look like tp_live_ + 32–64 base62 characters");
  const keyHash = await hashApiKey(secret);
  const inserted = await db.transaction(async (tx) => {
    const user =
      (await findUserCredentialsByEmail(tx, DEV_USER_EMAIL)) ??
      (await insertUser(tx, { email: DEV_USER_EMAIL, displayName: "Development user" }));
    return insertApiKeyIfAbsent(tx, {
      workspaceId: user.id,
      userId: user.id,
      name: "Development seed key",
      keyHash,
      scope: "full",
      expiresAt: null,
      ...apiKeyDisplayParts(secret),
    });
  });
  if (inserted) childLogger("seed").info("development API key seeded");
}
