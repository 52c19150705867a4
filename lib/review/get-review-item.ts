import { getDb } from "@/db/client";
import { findReviewItemForWorkspace } from "@/db/queries/review-items";
import { requireFound } from "@/lib/workspaces/require-found";

/** A review item of the caller's workspace: 404 when there is none with this id there. */
export async function getReviewItemForWorkspace(input: { workspaceId: string; id: string }) {
  return requireFound(
    await findReviewItemForWorkspace(await getDb(), input.workspaceId, input.id),
    "Review item",
  );
}
