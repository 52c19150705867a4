import { getDb } from "@/db/client";
import { findBudget, listBudgetAlertsInPeriod } from "@/db/queries/budgets";
import type { BudgetResponse } from "@/schemas/budgets";
import { budgetPeriodOf } from "./budget-period";
import { computePeriodCostCents } from "./compute-period-cost";

/** A workspace's budget with this month's cost and the thresholds already alerted (API, Billing page, banner). */
export async function getBudget(input: { workspaceId: string; now?: Date }): Promise<BudgetResponse> {
  const db = await getDb();
  const { start, end } = budgetPeriodOf(input.now ?? new Date());
  const [budget, costCents, alerts] = await Promise.all([
    findBudget(db, { workspaceId: input.workspaceId }),
    computePeriodCostCents(db, { workspaceId: input.workspaceId, from: start, to: end }),
    listBudgetAlertsInPeriod(db, { workspaceId: input.workspaceId, periodStart: start }),
  ]);
  return {
    monthly_limit_usd: budget ? budget.monthlyLimitCents / 100 : null,
    hard_cap: budget?.hardCap ?? false,
    webhook_url: budget?.webhookUrl ?? null,
    period_start: start.toISOString(),
    cost_usd: costCents / 100,
    thresholds_reached: budget ? alerts.map((a) => a.thresholdPercent) : [],
  };
}
