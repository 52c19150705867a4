import { getDb } from "@/db/client";
import { listActiveApiKeys } from "@/db/queries/api-keys";
import type { ApiKeySummary } from "@/schemas/api-keys";
import { toApiKeySummary } from "./to-api-key-summary";

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return (await listActiveApiKeys(await getDb(), userId)).map(toApiKeySummary);
}
