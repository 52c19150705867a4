import Stripe from "stripe";
import { childLogger } from "@/lib/logger";
import { currentPriceLines } from "./billing-lines";
import { ensureMeter, meterSettingsOf } from "./ensure-meter";
import { BILLING_CURRENCY, type PriceLine } from "./prices";
import { getStripe } from "./stripe-client";

const log = childLogger("stripe-catalog");

export interface CatalogDifference {
  key: string;
  object: "meter" | "product" | "price";
  problem: string;
  /** Whether this run fixed it (only with `apply`). */
  isFixed: boolean;
}

export interface CatalogSyncResult {
  /** Active price id per line key, for every line that has one (after `apply`: every line). */
  priceIds: Map<string, string>;
  differences: CatalogDifference[];
}

const sameDecimal = (a: Stripe.Decimal | string | null | undefined, b: string) =>
  a !== null && a !== undefined && Stripe.Decimal.from(String(a)).eq(Stripe.Decimal.from(b));

/** What a Stripe price differs in from its line, in words; empty when it matches. */
function priceProblems(price: Stripe.Price, line: PriceLine, meterId: string): string[] {
  const problems: string[] = [];
  if (price.currency !== BILLING_CURRENCY)
    problems.push(`currency is ${price.currency}, not ${BILLING_CURRENCY}`);
  if (price.recurring?.interval !== "month" || price.recurring.interval_count !== 1)
    problems.push("is not billed monthly");
  if (price.recurring?.usage_type !== "metered") problems.push("is not metered");
  if (price.recurring?.meter !== meterId) problems.push(`meter is ${price.recurring?.meter}, not ${meterId}`);
  const productId = typeof price.product === "string" ? price.product : price.product.id;
  if (productId !== line.key) problems.push(`product is ${productId}, not ${line.key}`);
  const [only] = line.tiers;
  if (line.tiers.length === 1 && only) {
    if (price.billing_scheme !== "per_unit" || !sameDecimal(price.unit_amount_decimal, only.centsPerUnit))
      problems.push(`unit amount is ${price.unit_amount_decimal ?? "tiered"}¢, not ${only.centsPerUnit}¢`);
  } else {
    const tiers = price.tiers ?? [];
    const matches =
      price.billing_scheme === "tiered" &&
      price.tiers_mode === "graduated" &&
      tiers.length === line.tiers.length &&
      line.tiers.every(
        (tier, i) =>
          (tiers[i]?.up_to ?? null) === tier.upTo &&
          sameDecimal(
            tiers[i]?.unit_amount_decimal ?? String(tiers[i]?.unit_amount ?? ""),
            tier.centsPerUnit,
          ),
      );
    if (!matches)
      problems.push(
        `tiers are ${JSON.stringify(tiers.map((t) => [t.up_to, String(t.unit_amount_decimal)]))}, not ${JSON.stringify(line.tiers.map((t) => [t.upTo, t.centsPerUnit]))}`,
      );
  }
  return problems;
}

function priceParams(line: PriceLine, meterId: string): Stripe.PriceCreateParams {
  const [only] = line.tiers;
  const amount: Partial<Stripe.PriceCreateParams> =
    line.tiers.length === 1 && only
      ? { billing_scheme: "per_unit", unit_amount_decimal: Stripe.Decimal.from(only.centsPerUnit) }
      : {
          billing_scheme: "tiered",
          tiers_mode: "graduated",
          tiers: line.tiers.map((t) => ({
            up_to: t.upTo ?? "inf",
            unit_amount_decimal: Stripe.Decimal.from(t.centsPerUnit),
          })),
        };
  return {
    currency: BILLING_CURRENCY,
    product: line.key,
    lookup_key: line.key,
    // A replaced price hands its lookup key to the new one; subscriptions keep the old price until changed.
    transfer_lookup_key: true,
    nickname: `${line.displayName}: ${line.display.usd} USD / ${line.display.per}`,
    recurring: { interval: "month", interval_count: 1, usage_type: "metered", meter: meterId },
    ...amount,
  };
}

async function listPricesByLookupKey(stripe: Stripe, keys: string[]): Promise<Map<string, Stripe.Price>> {
  const found = new Map<string, Stripe.Price>();
  // Stripe takes at most 10 lookup keys per list request.
  for (let i = 0; i < keys.length; i += 10) {
    const page = await stripe.prices.list({
      lookup_keys: keys.slice(i, i + 10),
      active: true,
      limit: 100,
      expand: ["data.tiers"],
    });
    for (const price of page.data) if (price.lookup_key) found.set(price.lookup_key, price);
  }
  return found;
}

/**
 * Compares Stripe's products, meters and metered prices with the price list in code (lib/billing/prices.ts) and,
 * with `apply`, creates what is missing and replaces prices that differ. Idempotent: a second run finds nothing
 * to do. Meters are never changed (Stripe keeps their aggregation); a differing meter is only reported.
 */
export async function syncStripeCatalog(input: { apply: boolean }): Promise<CatalogSyncResult> {
  const stripe = getStripe();
  const lines = currentPriceLines();
  const differences: CatalogDifference[] = [];
  const meters = new Map<string, Stripe.Billing.Meter>();
  for await (const meter of stripe.billing.meters.list({ status: "active", limit: 100 }))
    meters.set(meter.event_name, meter);
  const prices = await listPricesByLookupKey(
    stripe,
    lines.map((l) => l.key),
  );
  const priceIds = new Map<string, string>();
  for (const line of lines) {
    const meter = meters.get(line.key);
    let meterId = meter?.id;
    if (!meter) {
      if (input.apply) meterId = await ensureMeter({ eventName: line.key, displayName: line.displayName });
      differences.push({ key: line.key, object: "meter", problem: "missing", isFixed: input.apply });
    } else {
      const wanted = meterSettingsOf({ eventName: line.key, displayName: line.displayName });
      if (
        meter.default_aggregation.formula !== wanted.default_aggregation.formula ||
        meter.customer_mapping.event_payload_key !== wanted.customer_mapping.event_payload_key ||
        meter.value_settings.event_payload_key !== wanted.value_settings?.event_payload_key
      )
        differences.push({
          key: line.key,
          object: "meter",
          problem: "aggregation or payload keys differ (meters cannot be changed: archive it and run again)",
          isFixed: false,
        });
    }
    const product = await stripe.products.retrieve(line.key).catch((error: unknown) => {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing")
        return undefined;
      throw error;
    });
    if (!product) {
      if (input.apply)
        await stripe.products.create(
          { id: line.key, name: line.displayName, metadata: { tracepipe_line: line.key } },
          { idempotencyKey: `tracepipe-product-${line.key}` },
        );
      differences.push({ key: line.key, object: "product", problem: "missing", isFixed: input.apply });
    } else if (product.name !== line.displayName) {
      if (input.apply) await stripe.products.update(line.key, { name: line.displayName });
      differences.push({
        key: line.key,
        object: "product",
        problem: `name is "${product.name}", not "${line.displayName}"`,
        isFixed: input.apply,
      });
    }
    const price = prices.get(line.key);
    const problems = price && meterId ? priceProblems(price, line, meterId) : ["missing"];
    if (price && problems.length === 0) {
      priceIds.set(line.key, price.id);
      continue;
    }
    if (input.apply && meterId) {
      const params = priceParams(line, meterId);
      const created = await stripe.prices.create(params, {
        // Names the price it replaces: a retry replays this creation, a later replacement is a new one.
        idempotencyKey: `tracepipe-price-${line.key}-${meterId}-replacing-${price?.id ?? "none"}`,
      });
      priceIds.set(line.key, created.id);
    } else if (price) priceIds.set(line.key, price.id);
    differences.push({ key: line.key, object: "price", problem: problems.join("; "), isFixed: input.apply });
  }
  if (differences.length > 0)
    log.info({ differences: differences.length, apply: input.apply }, "stripe catalog compared");
  return { priceIds, differences };
}

let verified: Promise<Map<string, string>> | undefined;

/** The active price id of every line, creating what is missing once per process (subscriptions need them all). */
export function ensureStripeCatalog(): Promise<Map<string, string>> {
  verified ??= syncStripeCatalog({ apply: true }).then(
    (result) => result.priceIds,
    (error: unknown) => {
      verified = undefined;
      throw error;
    },
  );
  return verified;
}
