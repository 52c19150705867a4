import { inngest } from "@/inngest/client";
import { budgetThresholdReached } from "@/inngest/events";
import { deliverBudgetAlert } from "@/lib/budgets/deliver-budget-alert";

/**
 * budget/threshold-reached → signed `budget.threshold_reached` POST to the workspace's budget webhook URL. Its
 * own function so a receiver that is down is retried with backoff; the alert itself is already recorded once.
 */
export const deliverBudgetAlertFunction = inngest.createFunction(
  { id: "deliver-budget-alert", triggers: [budgetThresholdReached], retries: 5 },
  async ({ event, step }) => step.run("post", () => deliverBudgetAlert(event.data)),
);
