import { getDb } from "@/db/client";
import { type ReviewItemRow, decideReviewItem as updateDecision } from "@/db/queries/review-items";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { AppError } from "@/lib/errors";
import { argumentErrors } from "@/lib/pipeline/examples/validate-arguments";
import { changedArguments } from "@/lib/pipeline/review/review-proposals";
import type { ReviewDecisionInput } from "@/schemas/review-items";
import { getReviewItemForWorkspace } from "./get-review-item";

const alreadyDecided = (row: Pick<ReviewItemRow, "id" | "status">) =>
  new AppError({
    code: "conflict",
    message: `Review item ${row.id} was already ${row.status}; a decision is final`,
    extensions: { status: row.status },
  });

function toolOf(row: ReviewItemRow) {
  const server = getBundledCatalog().mcp_servers.find((s) => s.slug === row.toolServer);
  const tool = server?.tools.find((t) => t.name === row.toolName);
  if (!tool)
    throw new Error(`review item ${row.id} names tool ${row.toolServer}/${row.toolName}, not in the catalog`);
  return tool;
}

/**
 * Accepts (with the proposal or corrected arguments, which must satisfy the tool's JSON Schema) or rejects a
 * pending item, and records the decision in the audit log in the same transaction. A decided item is a 409;
 * of concurrent decisions exactly one wins (the UPDATE only matches a pending row).
 */
export async function decideReviewItem(input: {
  actor: Actor;
  id: string;
  body: ReviewDecisionInput;
  meta: RequestMeta;
}): Promise<ReviewItemRow> {
  const row = await getReviewItemForWorkspace({ workspaceId: input.actor.workspaceId, id: input.id });
  if (row.status !== "pending") throw alreadyDecided(row);
  const accepted = input.body.decision === "accept" ? (input.body.arguments ?? row.proposedArguments) : null;
  if (accepted) {
    const errors = argumentErrors(toolOf(row), accepted);
    if (errors.length > 0) {
      const fields = errors.map((e) => ({
        field: e.path ? `arguments.${e.path}` : "arguments",
        code: e.keyword,
        message: e.message,
      }));
      throw new AppError({
        code: "unprocessable",
        message: `The arguments do not satisfy ${row.toolName}'s schema: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`,
        extensions: { errors: fields },
      });
    }
  }
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    const updated = await updateDecision(tx, {
      workspaceId: input.actor.workspaceId,
      id: row.id,
      status: accepted ? "accepted" : "rejected",
      acceptedArguments: accepted,
      reason: input.body.reason ?? null,
      decidedBy: input.actor.userId,
    });
    if (!updated) return undefined;
    await recordAuditEvent(
      accepted ? "review_item.accepted" : "review_item.rejected",
      { userId: input.actor.userId },
      input.meta,
      {
        workspaceId: input.actor.workspaceId,
        reviewItemId: updated.id,
        sessionId: updated.sessionId,
        action: updated.action,
        tool: updated.toolName,
        ...(accepted ? { changed: changedArguments(updated.proposedArguments, accepted) } : {}),
        ...(input.body.reason ? { reason: input.body.reason } : {}),
      },
      tx,
    );
    return updated;
  });
  if (!decided)
    throw alreadyDecided(
      await getReviewItemForWorkspace({ workspaceId: input.actor.workspaceId, id: input.id }),
    );
  return decided;
}
