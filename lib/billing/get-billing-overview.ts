import { getDb } from "@/db/client";
import { findBillingCustomer, type StoredCard } from "@/db/queries/billing-customers";
import { sumUsageByKindAndModel } from "@/db/queries/usage-summary";
import { isStripeConfigured } from "@/lib/env";
import { startOfUtcMonth } from "@/lib/usage/get-usage-summary";
import { billingLineOf } from "./billing-lines";
import { isBillableKind, STORAGE_PRICE_PER_GB_HOUR, TOKEN_PRICES } from "./prices";

export interface BillingLineUsage {
  eventName: string;
  label: string;
  /** In display units: tokens, or GB-hours for storage. */
  quantity: number;
  unit: "tokens" | "GB-hours";
  /** USD per display price unit (1M tokens or one GB-hour); null when the line has no price. */
  unitPrice: number | null;
  priceUnit: "1M tokens" | "GB-hour";
  amount: number;
}

export interface BillingOverview {
  isEnabled: boolean;
  card: Omit<StoredCard, "paymentMethodId"> | null;
  periodStart: string;
  lines: BillingLineUsage[];
  estimatedTotal: number;
}

/** The Billing page: the card on file and this UTC month's billable usage priced with lib/billing/prices.ts. */
export async function getBillingOverview(input: {
  workspaceId: string;
  now?: Date;
}): Promise<BillingOverview> {
  const db = await getDb();
  const since = startOfUtcMonth(input.now ?? new Date());
  const [customer, usage] = await Promise.all([
    // A personal workspace's Stripe customer is on its user row (same id); a team workspace has none yet.
    findBillingCustomer(db, { userId: input.workspaceId }),
    sumUsageByKindAndModel(db, { workspaceId: input.workspaceId, since }),
  ]);
  const lines = new Map<string, BillingLineUsage>();
  for (const row of usage) {
    if (!isBillableKind(row.kind)) continue;
    const line = billingLineOf(row.kind, row.modelId);
    const isStorage = row.kind === "storage_byte_hours";
    const quantity = isStorage ? row.quantity / 1_000_000_000 : row.quantity;
    const tokenPrice = line.modelSlug ? TOKEN_PRICES[line.modelSlug] : undefined;
    const unitPrice = isStorage
      ? STORAGE_PRICE_PER_GB_HOUR
      : tokenPrice
        ? row.kind === "input_tokens"
          ? tokenPrice.inputPerMillion
          : tokenPrice.outputPerMillion
        : null;
    const existing = lines.get(line.eventName);
    const total = (existing?.quantity ?? 0) + quantity;
    lines.set(line.eventName, {
      eventName: line.eventName,
      label: line.displayName,
      quantity: total,
      unit: isStorage ? "GB-hours" : "tokens",
      unitPrice,
      priceUnit: isStorage ? "GB-hour" : "1M tokens",
      amount: unitPrice === null ? 0 : isStorage ? total * unitPrice : (total / 1_000_000) * unitPrice,
    });
  }
  const sorted = [...lines.values()].sort((a, b) => a.label.localeCompare(b.label));
  const card = customer?.card && {
    brand: customer.card.brand,
    last4: customer.card.last4,
    expMonth: customer.card.expMonth,
    expYear: customer.card.expYear,
  };
  return {
    isEnabled: isStripeConfigured(),
    card: card ?? null,
    periodStart: since.toISOString(),
    lines: sorted,
    estimatedTotal: sorted.reduce((sum, l) => sum + l.amount, 0),
  };
}
