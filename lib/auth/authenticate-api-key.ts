import { getDb } from "@/db/client";
import { findApiKeyByHash, touchApiKeyLastUsed } from "@/db/queries/api-keys";
import { unauthorized } from "@/lib/errors";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret";
import type { Principal } from "./principal";

/** The API key in `Authorization: Bearer tp_live_…` or `X-API-Key`, if the request carries one. */
export function readApiKey(request: Request): string | undefined {
  const header = request.headers.get("x-api-key")?.trim();
  if (header) return header;
  const authorization = request.headers.get("authorization");
  const match = authorization?.match(/^Bearer\s+(tp_live_\S+)$/i);
  return match?.[1];
}

export async function authenticateApiKey(secret: string, now = new Date()): Promise<Principal> {
  // One message for unknown, revoked and expired keys: the response must not help guess which keys exist.
  const invalid = unauthorized("The API key is invalid, revoked or expired");
  if (!looksLikeApiKey(secret)) throw invalid;
  const db = await getDb();
  const key = await findApiKeyByHash(db, await hashApiKey(secret));
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) throw invalid;
  // A key whose creator is no longer a member of its workspace acts for no one.
  if (!key.creatorRole) throw invalid;
  // The row we just read says whether last_used_at is a minute old; skip the write otherwise (the UPDATE's own
  // condition still guards against concurrent requests).
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= 60_000) {
    await touchApiKeyLastUsed(db, key.id, now);
  }
  return {
    userId: key.userId,
    workspaceId: key.workspaceId,
    role: key.creatorRole,
    via: "api_key",
    scope: key.scope,
    apiKeyId: key.id,
    expiresAt: key.expiresAt,
  };
}
