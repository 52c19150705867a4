import { getDb } from "@/db/client";
import { countPendingReviewItems } from "@/db/queries/review-items";

/** How many of the caller's review items wait for a decision (the navigation's badge). */
export async function countPendingReview(workspaceId: string): Promise<number> {
  return countPendingReviewItems(await getDb(), { workspaceId });
}
