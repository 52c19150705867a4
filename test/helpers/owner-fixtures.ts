import { getDb } from "@/db/client";
import { actionToolMaps, apiKeys, examples, models, sessions, suites, users } from "@/db/schema";
import { apiKeyDisplayParts, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";

type Scope = (typeof apiKeys.$inferInsert)["scope"];

/** A user with a real API key row (hashed like production), for integration tests that call routes. */
export async function createUserWithApiKey(
  scope: Scope = "full",
): Promise<{ userId: string; apiKey: string }> {
  const db = await getDb();
  const unique = crypto.randomUUID();
  const [user] = await db
    .insert(users)
    .values({ email: `owner-${unique}@example.test`, displayName: "Test owner" })
    .returning({ id: users.id });
  if (!user) throw new Error("user insert returned nothing");
  const apiKey = generateApiKeySecret();
  await db.insert(apiKeys).values({
    workspaceId: user.id,
    userId: user.id,
    name: "test key",
    keyHash: await hashApiKey(apiKey),
    ...apiKeyDisplayParts(apiKey),
    scope,
  });
  return { userId: user.id, apiKey };
}

/** A session of `userId` in the first seeded suite, with its storage prefix `sessions/<id>/`. */
export async function createSessionFor(userId: string): Promise<string> {
  const db = await getDb();
  const [suite] = await db.select({ id: suites.id }).from(suites).limit(1);
  if (!suite) throw new Error("catalog not seeded: no suite");
  const id = crypto.randomUUID();
  await db
    .insert(sessions)
    .values({ id, workspaceId: userId, userId, suiteId: suite.id, storagePath: `sessions/${id}/` });
  return id;
}

export async function createExampleFor(userId: string, sessionId: string): Promise<string> {
  const db = await getDb();
  const [model] = await db.select({ id: models.id }).from(models).limit(1);
  const [map] = await db.select({ id: actionToolMaps.id }).from(actionToolMaps).limit(1);
  if (!model || !map) throw new Error("catalog not seeded: no model or action-tool map");
  const [example] = await db
    .insert(examples)
    .values({ workspaceId: userId, userId, sessionId, modelId: model.id, actionToolMapId: map.id })
    .returning({ id: examples.id });
  if (!example) throw new Error("example insert returned nothing");
  return example.id;
}
