import type { Database } from "@/db/client";
import { lockWorkspaceBudget } from "@/db/queries/budgets";
import { sumUsageInPeriod } from "@/db/queries/usage-summary";
import { priceLedgerCents } from "@/lib/billing/price-ledger";
import { budgetPeriodOf } from "./budget-period";

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

/**
 * This month's cost with the workspace's budget lock taken (held to commit): concurrent writers of its usage and
 * admissions of its paid work take turns from here, so none decides on a cost another is about to change.
 */
export async function lockedMonthCost(tx: Database, input: { workspaceId: string; now?: Date }) {
  await lockWorkspaceBudget(tx, { workspaceId: input.workspaceId });
  const { start, end } = budgetPeriodOf(input.now ?? new Date());
  const costCents = await computePeriodCostCents(tx, {
    workspaceId: input.workspaceId,
    from: start,
    to: end,
  });
  return { costCents, periodStart: start };
}
