import Stripe from "stripe";
import type { UsageKind } from "@/db/queries/usage-records";

/**
 * Tracepipe's price list, the one source of prices: `npm run stripe:sync` creates or verifies one Stripe product,
 * Billing Meter and metered monthly price per line from it, the Billing page reconciles Stripe's invoice preview
 * against it, and the landing page's pricing table shows it. Amounts are decimal strings (never floats), in US
 * dollars per display unit; Stripe gets them as `unit_amount_decimal` in cents per recorded unit (≤ 12 decimals).
 */
export const BILLING_CURRENCY = "usd";

/** The free model: rules only, no LLM, never billed and never needs a card. */
export const FREE_MODEL_SLUG = "tracepipe-rules-1";

export interface TokenPrice {
  /** USD per 1M input tokens. */
  inputPerMillion: string;
  /** USD per 1M output tokens. */
  outputPerMillion: string;
}

export const TOKEN_PRICES: Readonly<Record<string, TokenPrice>> = {
  "gpt-4.1-mini": { inputPerMillion: "0.60", outputPerMillion: "2.40" },
  "gpt-4o": { inputPerMillion: "3.75", outputPerMillion: "15.00" },
  "claude-sonnet-4-5": { inputPerMillion: "4.50", outputPerMillion: "22.50" },
  "llama-3.1-8b-instruct": { inputPerMillion: "0.30", outputPerMillion: "0.30" },
};

/** USD per GB-hour of stored recordings and examples (GB = 10^9 bytes), beyond the free allowance. */
export const STORAGE_PRICE_PER_GB_HOUR = "0.0002";

/** A GB-month as billed: 730 GB-hours (the average month, 8760 h / 12). */
export const HOURS_PER_MONTH = 730;
export const BYTES_PER_GB = 1_000_000_000;

/** The usage kinds sent to Stripe; the others (events, sessions, examples) are counters only. */
export const BILLABLE_KINDS = [
  "input_tokens",
  "output_tokens",
  "storage_byte_hours",
] as const satisfies readonly UsageKind[];
export type BillableKind = (typeof BILLABLE_KINDS)[number];

export const isBillableKind = (kind: UsageKind): kind is BillableKind =>
  (BILLABLE_KINDS as readonly string[]).includes(kind);

export const isPaidModel = (modelSlug: string) => modelSlug !== FREE_MODEL_SLUG;

/** A price tier as Stripe takes it: up to `upTo` recorded units (inclusive, null = the rest) at `centsPerUnit`. */
export interface PriceTier {
  upTo: number | null;
  centsPerUnit: string;
}

export interface PriceLine {
  kind: BillableKind;
  modelSlug: string | undefined;
  /** Meter event name, product id and price lookup key at once: lowercase, digits, underscores. */
  key: string;
  displayName: string;
  /** Graduated tiers in cents per recorded unit (a token, a byte-hour); one tier when there is no allowance. */
  tiers: PriceTier[];
  /** The price as people read it. */
  display: { usd: string; per: "1M tokens" | "GB-hour" };
}

const KIND_LABELS: Record<BillableKind, string> = {
  input_tokens: "Input tokens",
  output_tokens: "Output tokens",
  storage_byte_hours: "Storage",
};

/** `usd × 100 / divisor` as an exact decimal string (Stripe's Decimal keeps every digit). */
const centsPer = (usd: string, divisor: number) =>
  Stripe.Decimal.from(usd).mul(Stripe.Decimal.from(100)).div(Stripe.Decimal.from(divisor), 12, "half-up");

const trimZeros = (decimal: string) => (decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal);

export function billingKey(kind: BillableKind, modelSlug: string | undefined): string {
  if (kind === "storage_byte_hours") return "tracepipe_storage_byte_hours";
  const suffix = (modelSlug ?? "unknown_model").replace(/[^a-z0-9]+/gi, "_").toLowerCase();
  return `tracepipe_${kind}_${suffix}`.slice(0, 100);
}

/**
 * Every billed line. The storage line's first tier is the free allowance (`freeStorageGbMonths`, from
 * TRACEPIPE_FREE_STORAGE_GB_MONTHS), so Stripe and the ledger both bill only what lies beyond it, per period.
 */
export function listPriceLines(input: { freeStorageGbMonths: number }): PriceLine[] {
  const lines: PriceLine[] = [];
  for (const [modelSlug, price] of Object.entries(TOKEN_PRICES)) {
    for (const kind of ["input_tokens", "output_tokens"] as const) {
      const usd = kind === "input_tokens" ? price.inputPerMillion : price.outputPerMillion;
      lines.push({
        kind,
        modelSlug,
        key: billingKey(kind, modelSlug),
        displayName: `${KIND_LABELS[kind]} · ${modelSlug}`,
        tiers: [{ upTo: null, centsPerUnit: trimZeros(centsPer(usd, 1_000_000).toString()) }],
        display: { usd, per: "1M tokens" },
      });
    }
  }
  const storageCents = trimZeros(centsPer(STORAGE_PRICE_PER_GB_HOUR, BYTES_PER_GB).toString());
  const freeByteHours = Math.round(input.freeStorageGbMonths * HOURS_PER_MONTH * BYTES_PER_GB);
  lines.push({
    kind: "storage_byte_hours",
    modelSlug: undefined,
    key: billingKey("storage_byte_hours", undefined),
    displayName: KIND_LABELS.storage_byte_hours,
    tiers:
      freeByteHours > 0
        ? [
            { upTo: freeByteHours, centsPerUnit: "0" },
            { upTo: null, centsPerUnit: storageCents },
          ]
        : [{ upTo: null, centsPerUnit: storageCents }],
    display: { usd: STORAGE_PRICE_PER_GB_HOUR, per: "GB-hour" },
  });
  return lines;
}

/**
 * What a period's total quantity of one line costs, in whole cents, as Stripe computes a graduated metered line:
 * each tier's units × its decimal unit amount, summed exactly, rounded half-up to the cent once per line.
 */
export function amountCentsOf(line: Pick<PriceLine, "tiers">, quantity: number): number {
  let rest = quantity;
  let floor = 0;
  let total = Stripe.Decimal.zero;
  for (const tier of line.tiers) {
    if (rest <= 0) break;
    const size = tier.upTo === null ? rest : Math.min(rest, tier.upTo - floor);
    total = total.add(Stripe.Decimal.from(size).mul(Stripe.Decimal.from(tier.centsPerUnit)));
    rest -= size;
    floor = tier.upTo ?? floor;
  }
  return Number(total.toFixed(0, "half-up"));
}
