import { getEnv } from "@/lib/env";
import { findModelById } from "@/lib/examples/resolve-catalog-refs";
import { type BillableKind, billingKey, listPriceLines, type PriceLine } from "./prices";

/**
 * One billed line: a usage kind, per model for tokens. Each line is one Stripe meter (found by its event name),
 * one product and one metered price; `price` is undefined for a model missing from the price list (not billed).
 */
export interface BillingLine {
  kind: BillableKind;
  modelSlug: string | undefined;
  /** The Stripe meter event name: lowercase letters, digits and underscores, under Stripe's 100 characters. */
  eventName: string;
  displayName: string;
  price: PriceLine | undefined;
}

/** The price list with this server's free storage allowance. */
export const currentPriceLines = (): PriceLine[] =>
  listPriceLines({ freeStorageGbMonths: getEnv().TRACEPIPE_FREE_STORAGE_GB_MONTHS });

export function billingLineOf(kind: BillableKind, modelId: string | null): BillingLine {
  const modelSlug =
    kind === "storage_byte_hours" ? undefined : (modelId && findModelById(modelId)?.slug) || undefined;
  const eventName = billingKey(kind, modelSlug);
  const price = currentPriceLines().find((line) => line.key === eventName);
  return {
    kind,
    modelSlug,
    eventName,
    displayName: price?.displayName ?? `${kind} · ${modelSlug ?? "unknown model"}`,
    price,
  };
}
