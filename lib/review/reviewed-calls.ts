import { getDb } from "@/db/client";
import { countPendingReviewItems, listAcceptedReviewItemsForSession } from "@/db/queries/review-items";
import { AppError } from "@/lib/errors";
import type { ReviewedCall } from "@/lib/pipeline/examples/generate-examples";

/** The session's accepted review items as of `asOf` (an example's creation): they become that example's records. */
export async function listReviewedCalls(input: {
  workspaceId: string;
  sessionId: string;
  asOf: Date;
}): Promise<ReviewedCall[]> {
  const rows = await listAcceptedReviewItemsForSession(await getDb(), {
    workspaceId: input.workspaceId,
    sessionId: input.sessionId,
    decidedBy: input.asOf,
  });
  return rows.map((row) => ({
    actionId: row.actionId,
    reviewItemId: row.id,
    tool: row.toolName,
    proposedArguments: row.proposedArguments,
    acceptedArguments: row.acceptedArguments ?? row.proposedArguments,
    reviewedBy: row.decidedBy,
    reviewedAt: (row.decidedAt ?? row.updatedAt).toISOString(),
  }));
}

/** The problem for an example that would have no records: says how many actions wait for a person, and where. */
export async function noRecordsError(input: { workspaceId: string; sessionId: string }): Promise<AppError> {
  const pending = await countPendingReviewItems(await getDb(), input);
  const waiting =
    pending > 0
      ? `${pending} ${pending === 1 ? "action awaits" : "actions await"} review: accept ${pending === 1 ? "it" : "them"} in the review queue (/review?session=${input.sessionId}), then request the example again`
      : "the pipeline found no action it could turn into a tool call";
  return new AppError({
    code: "no_records",
    message: `This session would give an example with 0 records: ${waiting}.`,
    extensions: { pending_review_count: pending, session_id: input.sessionId },
  });
}
