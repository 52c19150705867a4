import type { Database } from "@/db/client";
import { sumUsageInPeriod } from "@/db/queries/usage-summary";
import { priceLedgerCents } from "@/lib/billing/price-ledger";

/**
 * A workspace's cost in [from, to) in cents: the ledger (sent to Stripe or not) × the price list, each line's
 * period total rounded once, as the invoice preview computes it; AP2 examples (paid on their own) count too.
 */
export async function computePeriodCostCents(
  db: Database,
  input: { workspaceId: string; from: Date; to: Date },
): Promise<number> {
  return priceLedgerCents(await sumUsageInPeriod(db, { ...input, includePrepaid: true }));
}
