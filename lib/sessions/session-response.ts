import type { SessionRow } from "@/db/queries/sessions";
import type { SessionResponse } from "@/schemas/sessions";

export const toSessionResponse = (
  s: Pick<SessionRow, "id" | "suiteId" | "description" | "storagePath" | "status" | "createdAt">,
): SessionResponse => ({
  id: s.id,
  suite_id: s.suiteId,
  description: s.description,
  storage_path: s.storagePath,
  status: s.status,
  created_at: s.createdAt.toISOString(),
});
