import { getDb } from "@/db/client";
import { findBudget, listBudgetAlertsInPeriod } from "@/db/queries/budgets";
import { budgetPeriodOf } from "./budget-period";

export interface BudgetBanner {
  thresholdPercent: number;
  limitCents: number;
  hardCap: boolean;
}

/**
 * The app shell's banner: the highest threshold alerted this month, read from the stored alerts (the cost is
 * never computed on page load; alerts fire where usage is recorded). None without a budget or an alert.
 */
export async function getBudgetBanner(input: {
  workspaceId: string;
  now?: Date;
}): Promise<BudgetBanner | undefined> {
  const db = await getDb();
  const budget = await findBudget(db, { workspaceId: input.workspaceId });
  if (!budget) return undefined;
  const { start } = budgetPeriodOf(input.now ?? new Date());
  const alerts = await listBudgetAlertsInPeriod(db, { workspaceId: input.workspaceId, periodStart: start });
  const highest = alerts.at(-1);
  if (!highest) return undefined;
  return {
    thresholdPercent: highest.thresholdPercent,
    limitCents: budget.monthlyLimitCents,
    hardCap: budget.hardCap,
  };
}
