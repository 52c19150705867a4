import { findModelById } from "@/lib/examples/resolve-catalog-refs";
import type { BillableKind } from "./prices";

/**
 * One billed line: a usage kind, per model for tokens. Each line is one Stripe meter, found by its event name,
 * because each line has its own price.
 */
export interface BillingLine {
  kind: BillableKind;
  modelSlug: string | undefined;
  /** The Stripe meter event name: lowercase letters, digits and underscores, under Stripe's 100 characters. */
  eventName: string;
  displayName: string;
}

const KIND_LABELS: Record<BillableKind, string> = {
  input_tokens: "Input tokens",
  output_tokens: "Output tokens",
  storage_byte_hours: "Storage",
};

export function billingLineOf(kind: BillableKind, modelId: string | null): BillingLine {
  if (kind === "storage_byte_hours") {
    return {
      kind,
      modelSlug: undefined,
      eventName: "tracepipe_storage_byte_hours",
      displayName: KIND_LABELS[kind],
    };
  }
  const modelSlug = (modelId && findModelById(modelId)?.slug) || undefined;
  const suffix = (modelSlug ?? "unknown_model").replace(/[^a-z0-9]+/gi, "_").toLowerCase();
  return {
    kind,
    modelSlug,
    eventName: `tracepipe_${kind}_${suffix}`.slice(0, 100),
    displayName: `${KIND_LABELS[kind]} · ${modelSlug ?? "unknown model"}`,
  };
}
