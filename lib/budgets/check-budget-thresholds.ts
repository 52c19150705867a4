import type { Database } from "@/db/client";
import { findBudget, insertBudgetAlerts } from "@/db/queries/budgets";
import type { AppEvent } from "@/schemas/app-events";
import { thresholdsReached } from "./budget-period";
import { lockedMonthCost } from "./compute-period-cost";

/**
 * Runs inside the transaction that records usage: fires each threshold the period's cost has reached and that
 * was not fired yet, exactly once (the alert row's primary key), emitting one outbox event per new alert (its
 * callback is delivered by an Inngest function, and a live stream can carry it). The workspace's advisory lock
 * makes concurrent usage writes take turns, so none misses a threshold crossed by their sum.
 */
export async function checkBudgetThresholds(
  tx: Database,
  input: { workspaceId: string; now?: Date; emit: (event: AppEvent) => void },
): Promise<number[]> {
  const budget = await findBudget(tx, { workspaceId: input.workspaceId });
  if (!budget || budget.monthlyLimitCents <= 0) return [];
  const { costCents, periodStart: start } = await lockedMonthCost(tx, input);
  const reached = thresholdsReached(costCents, budget.monthlyLimitCents);
  const fired = await insertBudgetAlerts(
    tx,
    reached.map((thresholdPercent) => ({
      workspaceId: input.workspaceId,
      periodStart: start,
      thresholdPercent,
      costCents,
      limitCents: budget.monthlyLimitCents,
    })),
  );
  for (const thresholdPercent of fired) {
    input.emit({
      name: "budget/threshold-reached",
      id: budgetAlertEventId(input.workspaceId, start, thresholdPercent),
      data: {
        workspaceId: input.workspaceId,
        periodStart: start.toISOString(),
        thresholdPercent,
        costCents,
        limitCents: budget.monthlyLimitCents,
      },
    });
  }
  return fired;
}

export const budgetAlertEventId = (workspaceId: string, periodStart: Date, thresholdPercent: number) =>
  `budget-${workspaceId}-${periodStart.toISOString().slice(0, 7)}-${thresholdPercent}`;
