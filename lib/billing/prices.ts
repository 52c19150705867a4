import type { UsageKind } from "@/db/queries/usage-records";

/**
 * Tracepipe's unit prices, in one place: the Billing page's estimate uses them, and the Stripe prices attached to
 * the meters (configured in the Stripe dashboard) must match them. Amounts are US dollars. Catalog models carry no
 * prices (db/schema/catalog.ts), so tokens are priced here per model slug; a model missing here is not billed.
 */
export const BILLING_CURRENCY = "usd";

export interface TokenPrice {
  /** USD per 1M input tokens. */
  inputPerMillion: number;
  /** USD per 1M output tokens. */
  outputPerMillion: number;
}

export const TOKEN_PRICES: Readonly<Record<string, TokenPrice>> = {
  "tracepipe-rules-1": { inputPerMillion: 0, outputPerMillion: 0 },
  "gpt-4.1-mini": { inputPerMillion: 0.6, outputPerMillion: 2.4 },
  "gpt-4o": { inputPerMillion: 3.75, outputPerMillion: 15 },
  "claude-sonnet-4-5": { inputPerMillion: 4.5, outputPerMillion: 22.5 },
  "llama-3.1-8b-instruct": { inputPerMillion: 0.3, outputPerMillion: 0.3 },
};

/** USD per GB-hour of stored recordings and examples (GB = 10^9 bytes). */
export const STORAGE_PRICE_PER_GB_HOUR = 0.0002;

/** The usage kinds sent to Stripe; the others (events ingested, examples generated) are counters only. */
export const BILLABLE_KINDS = [
  "input_tokens",
  "output_tokens",
  "storage_byte_hours",
] as const satisfies readonly UsageKind[];
export type BillableKind = (typeof BILLABLE_KINDS)[number];

export const isBillableKind = (kind: UsageKind): kind is BillableKind =>
  (BILLABLE_KINDS as readonly string[]).includes(kind);

const BYTES_PER_GB = 1_000_000_000;

/** The price of one recorded unit (a token or a byte-hour), or undefined when the line is not billed. */
export function unitPriceOf(kind: BillableKind, modelSlug: string | undefined): number | undefined {
  if (kind === "storage_byte_hours") return STORAGE_PRICE_PER_GB_HOUR / BYTES_PER_GB;
  const price = modelSlug ? TOKEN_PRICES[modelSlug] : undefined;
  if (!price) return undefined;
  return (kind === "input_tokens" ? price.inputPerMillion : price.outputPerMillion) / 1_000_000;
}
