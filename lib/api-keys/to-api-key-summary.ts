import type { ApiKeyRow } from "@/db/queries/api-keys";
import { maskApiKey } from "@/lib/auth/api-key-secret";
import type { ApiKeySummary } from "@/schemas/api-keys";

export const toApiKeySummary = (row: ApiKeyRow): ApiKeySummary => ({
  id: row.id,
  name: row.name,
  maskedKey: maskApiKey(row.displayPrefix, row.displaySuffix),
  scope: row.scope,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});
