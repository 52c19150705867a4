import { getDb } from "@/db/client";
import { listActiveApiKeys } from "@/db/queries/api-keys";
import type { ApiKeySummary } from "@/schemas/api-keys";
import { toApiKeySummary } from "./to-api-key-summary";

export async function listApiKeys(workspaceId: string): Promise<ApiKeySummary[]> {
  return (await listActiveApiKeys(await getDb(), workspaceId)).map(toApiKeySummary);
}
