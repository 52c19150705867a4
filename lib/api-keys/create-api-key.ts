import { getDb } from "@/db/client";
import { insertApiKey } from "@/db/queries/api-keys";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { apiKeyDisplayParts, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";
import type { Actor } from "@/lib/auth/principal";
import { type Principal, scopeAllows } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { forbidden } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { CreateApiKeyInput, CreatedApiKey } from "@/schemas/api-keys";
import { toApiKeySummary } from "./to-api-key-summary";

const log = childLogger("api-keys");

/** The credential that asks for a new key. */
export type KeyCreator = Pick<Principal, "scope" | "expiresAt">;

/** The signed-in owner (browser session, Entra): full scope, no expiry of its own. */
export const ACCOUNT_OWNER: KeyCreator = { scope: "full", expiresAt: null };

/**
 * A credential can only hand out what it holds: a key within its own scope that expires no later than it does
 * (a leaked short-lived key must not mint a permanent one). Without an expiry in the input, the new key inherits
 * the creator's.
 */
function limitToCreator(input: CreateApiKeyInput, creator: KeyCreator): Date | null {
  if (!scopeAllows(creator.scope, [input.scope])) {
    throw forbidden(`A key with scope '${creator.scope}' cannot create a key with scope '${input.scope}'`);
  }
  const limit = creator.expiresAt ?? null;
  if (!limit) return input.expiresAt ?? null;
  if (!input.expiresAt) return limit;
  if (input.expiresAt > limit) {
    throw forbidden(`This key expires at ${limit.toISOString()}; a key it creates must expire by then`);
  }
  return input.expiresAt;
}

/** Creates a key and returns its secret — the only time it exists outside the caller's hands. */
export async function createApiKey(
  actor: Actor,
  input: CreateApiKeyInput,
  meta: RequestMeta,
  creator: KeyCreator = ACCOUNT_OWNER,
): Promise<CreatedApiKey> {
  const expiresAt = limitToCreator(input, creator);
  const secret = generateApiKeySecret();
  const { workspaceId, userId } = actor;
  const row = await insertApiKey(await getDb(), {
    workspaceId,
    userId,
    name: input.name,
    keyHash: await hashApiKey(secret),
    ...apiKeyDisplayParts(secret),
    scope: input.scope,
    expiresAt,
  });
  await recordAuditEvent("api_key.created", { userId }, meta, {
    apiKeyId: row.id,
    scope: row.scope,
    workspaceId,
  });
  log.info({ userId, workspaceId, apiKeyId: row.id, scope: row.scope }, "api key created");
  return { ...toApiKeySummary(row), secret };
}
