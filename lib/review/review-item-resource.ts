import type { ReviewItemRow } from "@/db/queries/review-items";
import { redactionKindSchema } from "@/schemas/data-policy";
import { reviewReasonSchema } from "@/schemas/pipeline";
import type { ReviewItemResource } from "@/schemas/review-items";

const knownReasons = (reasons: string[]) =>
  reasons.flatMap((reason) => {
    const parsed = reviewReasonSchema.safeParse(reason);
    return parsed.success ? [parsed.data] : [];
  });

/** The public JSON of a review item. */
export function toReviewItemResource(row: ReviewItemRow): ReviewItemResource {
  const decided = row.status !== "pending" && row.decidedAt;
  return {
    id: row.id,
    object: "review_item",
    session_id: row.sessionId,
    suite_id: row.suiteId,
    action: row.action,
    action_id: row.actionId,
    reasons: knownReasons(row.reasons),
    status: row.status,
    tool: {
      server: row.toolServer,
      name: row.toolName,
      arguments: row.acceptedArguments ?? row.proposedArguments,
    },
    proposed_arguments: row.proposedArguments,
    action_tool_map_id: row.actionToolMapId,
    evidence: {
      event_ids: row.evidence.eventIds,
      interaction_ids: row.evidence.interactionIds,
      window_id: row.evidence.window,
      ts: row.evidence.ts,
      confidence: row.evidence.confidence,
      parameters: row.evidence.parameters,
      missing_parameters: row.evidence.missingParameters,
      page_context: (row.evidence.context ?? []).map((line) => ({
        interaction_id: line.interactionId,
        ts: line.ts,
        kind: line.kind,
        is_source: line.isSource,
        ...(line.element !== undefined ? { element: line.element } : {}),
        ...(line.value !== undefined ? { value: line.value } : {}),
        ...(line.url !== undefined ? { url: line.url } : {}),
        ...(line.title !== undefined ? { title: line.title } : {}),
        ...(line.redacted !== undefined ? { redacted: redactionKindsOf(line.redacted) } : {}),
      })),
      timezone: row.evidence.timezone ?? null,
    },
    decision: decided
      ? {
          decision: row.status === "accepted" ? "accept" : "reject",
          reason: row.decisionReason,
          decided_by: row.decidedBy,
          decided_at: decided.toISOString(),
        }
      : null,
    created_at: row.createdAt.toISOString(),
  };
}

/** Stored kinds as the API names them (a kind this version does not know is left out, not a 500). */
function redactionKindsOf(kinds: string[]) {
  return kinds.flatMap((kind) => {
    const parsed = redactionKindSchema.safeParse(kind);
    return parsed.success ? [parsed.data] : [];
  });
}
