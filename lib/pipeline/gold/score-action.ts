import type { CatalogAction } from "@/schemas/catalog";
import type { GoldAction, ParameterValue, ReviewReason } from "@/schemas/pipeline";

/** Below this an action is marked for review. */
export const REVIEW_THRESHOLD = 0.8;

/**
 * Confidence = recogniser strength × required-parameter completeness. A missing required parameter costs enough
 * to fall under the review threshold even for the strongest recogniser, since the tool call cannot be trusted.
 * `evidence: "trace"` (a Chrome trace: no typed text, no targets) always sends the action to review: a trace can
 * show that something happened, never all of what was submitted.
 */
export function scoreAction(
  action: CatalogAction,
  parameters: Record<string, ParameterValue>,
  strength: number,
  evidence: "page" | "trace" = "page",
): Pick<GoldAction, "confidence" | "needsReview" | "missingParameters" | "reviewReasons"> {
  const required = action.parameters.filter((p) => p.required).map((p) => p.name);
  const missing = required.filter((name) => parameters[name] === undefined);
  const completeness = required.length === 0 ? 1 : (required.length - missing.length) / required.length;
  const factor = missing.length === 0 ? 1 : 0.3 + 0.5 * completeness;
  const confidence = Math.round(Math.min(1, Math.max(0, strength * factor)) * 1000) / 1000;
  const reasons: ReviewReason[] = [];
  if (evidence === "trace") reasons.push("trace_only");
  if (missing.length > 0) reasons.push("missing_required_argument");
  else if (confidence < REVIEW_THRESHOLD) reasons.push("low_confidence");
  return {
    confidence,
    needsReview: reasons.length > 0,
    ...(missing.length > 0 ? { missingParameters: missing } : {}),
    ...(reasons.length > 0 ? { reviewReasons: reasons } : {}),
  };
}
