import { getDb } from "@/db/client";
import { insertApiKey } from "@/db/queries/api-keys";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { apiKeyDisplayParts, generateApiKeySecret, hashApiKey } from "@/lib/auth/api-key-secret";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { childLogger } from "@/lib/logger";
import type { CreateApiKeyInput, CreatedApiKey } from "@/schemas/api-keys";
import { toApiKeySummary } from "./to-api-key-summary";

const log = childLogger("api-keys");

/** Creates a key and returns its secret — the only time it exists outside the caller's hands. */
export async function createApiKey(
  userId: string,
  input: CreateApiKeyInput,
  meta: RequestMeta,
): Promise<CreatedApiKey> {
  const secret = generateApiKeySecret();
  const row = await insertApiKey(await getDb(), {
    userId,
    name: input.name,
    keyHash: await hashApiKey(secret),
    ...apiKeyDisplayParts(secret),
    scope: input.scope,
    expiresAt: input.expiresAt ?? null,
  });
  await recordAuditEvent("api_key.created", { userId }, meta, { apiKeyId: row.id, scope: row.scope });
  log.info({ userId, apiKeyId: row.id, scope: row.scope }, "api key created");
  return { ...toApiKeySummary(row), secret };
}
