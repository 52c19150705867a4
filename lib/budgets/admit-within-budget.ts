import type { Database } from "@/db/client";
import { findBudget, sumInFlightEstimatedCents } from "@/db/queries/budgets";
import { paymentRequired } from "@/lib/billing/payment-required";
import { lockedMonthCost } from "./compute-period-cost";

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/**
 * The hard cap, checked before paid work starts, inside the transaction that records the work (with its
 * estimate) as in flight: refused with 402 when the month's cost, plus the estimates of paid work still in flight,
 * plus this work's estimate would pass the limit. The workspace's advisory lock makes concurrent admissions take
 * turns, and each sees the others' estimates, so together they overshoot the cap only by what their actual cost
 * exceeds their estimate — at most one request's cost. No budget, or no hard cap: always admitted.
 */
export async function admitWithinBudget(
  tx: Database,
  input: { workspaceId: string; estimateCents: number; now?: Date },
): Promise<void> {
  const budget = await findBudget(tx, { workspaceId: input.workspaceId });
  if (!budget?.hardCap) return;
  // One connection per transaction: the two reads run one after the other.
  const { costCents } = await lockedMonthCost(tx, input);
  const inFlightCents = await sumInFlightEstimatedCents(tx, { workspaceId: input.workspaceId });
  if (costCents + inFlightCents + input.estimateCents <= budget.monthlyLimitCents) return;
  throw paymentRequired(
    "budget_cap_reached",
    `This month's spend (${usd(costCents)}, plus ${usd(inFlightCents)} in flight) and this work's estimate ` +
      `(${usd(input.estimateCents)}) would pass the workspace's hard budget cap of ${usd(budget.monthlyLimitCents)}. ` +
      "Raise or lift the cap to go on.",
  );
}
