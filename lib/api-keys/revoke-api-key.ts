import { getDb } from "@/db/client";
import { findApiKeyForWorkspace, revokeApiKeyRow } from "@/db/queries/api-keys";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import { requireFound } from "@/lib/workspaces/require-found";

const log = childLogger("api-keys");

/** Soft delete: the row stays (audit, last use), authentication refuses it from the next request on. */
export async function revokeApiKey(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const db = await getDb();
  const { workspaceId, userId } = actor;
  const key = requireFound(await findApiKeyForWorkspace(db, { workspaceId, id }), "API key");
  if (key.revokedAt) throw notFound("API key");
  if (!(await revokeApiKeyRow(db, { workspaceId, id, now: new Date() }))) throw notFound("API key");
  await recordAuditEvent("api_key.revoked", { userId }, meta, { apiKeyId: id, workspaceId });
  log.info({ userId, workspaceId, apiKeyId: id }, "api key revoked");
}
