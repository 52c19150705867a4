import type { CatalogAction } from "@/schemas/catalog";
import type { GoldAction, ParameterValue } from "@/schemas/pipeline";

/** Below this an action is marked for review. */
export const REVIEW_THRESHOLD = 0.8;

/**
 * Confidence = recogniser strength × required-parameter completeness. A missing required parameter costs enough
 * to fall under the review threshold even for the strongest recogniser, since the tool call cannot be trusted.
 */
export function scoreAction(
  action: CatalogAction,
  parameters: Record<string, ParameterValue>,
  strength: number,
): Pick<GoldAction, "confidence" | "needsReview" | "missingParameters"> {
  const required = action.parameters.filter((p) => p.required).map((p) => p.name);
  const missing = required.filter((name) => parameters[name] === undefined);
  const completeness = required.length === 0 ? 1 : (required.length - missing.length) / required.length;
  const factor = missing.length === 0 ? 1 : 0.3 + 0.5 * completeness;
  const confidence = Math.round(Math.min(1, Math.max(0, strength * factor)) * 1000) / 1000;
  return {
    confidence,
    needsReview: confidence < REVIEW_THRESHOLD,
    ...(missing.length > 0 ? { missingParameters: missing } : {}),
  };
}
