/**
 * A budget's period: the UTC calendar month, the period `/usage`, the dashboard and the cost estimate use. (A
 * subscription's invoice period may start on another day; the budget stays on the month a person reads it by.)
 */
export function budgetPeriodOf(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** The alert thresholds, in percent of the monthly limit. */
export const BUDGET_THRESHOLDS = [50, 80, 100] as const;

/** Which thresholds a cost reaches (cost ≥ threshold % of the limit, compared in whole cents × 100). */
export const thresholdsReached = (costCents: number, limitCents: number): number[] =>
  BUDGET_THRESHOLDS.filter((percent) => costCents * 100 >= limitCents * percent);
