import { getDb } from "@/db/client";
import { findApiKeyOwner, revokeApiKeyRow } from "@/db/queries/api-keys";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertOwnedBy } from "@/lib/auth/assert-owned-by";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { childLogger } from "@/lib/logger";

const log = childLogger("api-keys");

/** Soft delete: the row stays (audit, last use), authentication refuses it from the next request on. */
export async function revokeApiKey(userId: string, id: string, meta: RequestMeta): Promise<void> {
  const db = await getDb();
  const key = await findApiKeyOwner(db, id);
  assertOwnedBy(key, { userId }, "API key");
  if (key.revokedAt) throw notFound("API key");
  const revoked = new Date();
  if (!(await revokeApiKeyRow(db, { userId, id, now: revoked }))) throw notFound("API key");
  await recordAuditEvent(
    {
      type: "api_key.revoked",
      workspaceId: userId,
      userId,
      target: { type: "api_key", id },
      before: { revokedAt: null },
      after: { revokedAt: revoked.toISOString() },
    },
    meta,
  );
  log.info({ userId, apiKeyId: id }, "api key revoked");
}
