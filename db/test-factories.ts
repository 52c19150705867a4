import { apiKeyDisplayParts, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";
import { getDb } from "./client";
import { apiKeys, users } from "./schema";

type Scope = (typeof apiKeys.$inferSelect)["scope"];

/** A user with a unique email; integration tests and e2e setup share it. */
export async function createTestUser(overrides: { email?: string; displayName?: string } = {}) {
  const db = await getDb();
  const suffix = crypto.randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${suffix}@example.test`,
      displayName: overrides.displayName ?? `Test user ${suffix}`,
    })
    .returning({ id: users.id, email: users.email, displayName: users.displayName });
  if (!user) throw new Error("user insert returned no row");
  return user;
}

/** An API key created by a user, in their personal workspace unless `workspaceId` says another; returns the secret once. */
export async function createTestApiKey(userId: string, scope: Scope = "full", workspaceId = userId) {
  const db = await getDb();
  const secret = generateApiKeySecret();
  const [key] = await db
    .insert(apiKeys)
    .values({
      workspaceId,
      userId,
      name: `test ${scope}`,
      keyHash: await hashApiKey(secret),
      scope,
      ...apiKeyDisplayParts(secret),
    })
    .returning({ id: apiKeys.id });
  if (!key) throw new Error("api key insert returned no row");
  return { id: key.id, secret };
}

/** A user with a full-scope API key: the usual starting point of an API test. */
export async function createTestCaller(scope: Scope = "full") {
  const user = await createTestUser();
  const key = await createTestApiKey(user.id, scope);
  return { user, secret: key.secret, headers: { authorization: `Bearer ${key.secret}` } };
}
