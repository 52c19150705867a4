import type { UsageKind } from "@/db/queries/usage-records";
import { billingLineOf, currentPriceLines } from "./billing-lines";
import { amountCentsOf, isBillableKind } from "./prices";

/**
 * Ledger rows × the price list, in cents: quantities summed per billed line, each line rounded half-up once, as
 * Stripe computes an invoice line (`getBillingOverview` reconciles the same way). Counters are free.
 */
export function priceLedgerCents(
  rows: { kind: UsageKind; modelId: string | null; quantity: number }[],
): number {
  const quantities = new Map<string, number>();
  for (const row of rows) {
    if (!isBillableKind(row.kind)) continue;
    const key = billingLineOf(row.kind, row.modelId).eventName;
    quantities.set(key, (quantities.get(key) ?? 0) + row.quantity);
  }
  let cents = 0;
  for (const line of currentPriceLines()) {
    const quantity = quantities.get(line.key);
    if (quantity) cents += amountCentsOf(line, quantity);
  }
  return cents;
}
