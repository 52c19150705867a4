import type { z } from "zod";
import { getDb } from "@/db/client";
import { findBudget } from "@/db/queries/budgets";
import { getCallbackSecret } from "@/lib/callbacks/callback-secret";
import { postCallback } from "@/lib/callbacks/post-callback";
import { childLogger } from "@/lib/logger";
import type { budgetThresholdReachedData } from "@/schemas/app-events";
import type { BudgetAlertCallback } from "@/schemas/budgets";
import { budgetAlertEventId } from "./check-budget-thresholds";

const log = childLogger("budgets");

/**
 * Sends one threshold alert to the workspace's webhook URL, signed exactly like example callbacks (same secret,
 * `Tracepipe-Signature` scheme); the event id is stable per workspace, month and threshold, so a receiver drops
 * the duplicates retries may cause. No URL: nothing to send (the banner still shows the alert).
 */
export async function deliverBudgetAlert(
  data: z.infer<typeof budgetThresholdReachedData>,
): Promise<{ delivered: boolean; status?: number }> {
  const budget = await findBudget(await getDb(), { workspaceId: data.workspaceId });
  if (!budget?.webhookUrl) return { delivered: false };
  const eventId = budgetAlertEventId(data.workspaceId, new Date(data.periodStart), data.thresholdPercent);
  const payload: BudgetAlertCallback = {
    type: "budget.threshold_reached",
    created_at: new Date().toISOString(),
    data: {
      workspace_id: data.workspaceId,
      period_start: data.periodStart,
      threshold_percent: data.thresholdPercent,
      cost_usd: data.costCents / 100,
      limit_usd: data.limitCents / 100,
      hard_cap: budget.hardCap,
    },
  };
  const { status } = await postCallback({
    url: budget.webhookUrl,
    body: JSON.stringify(payload),
    secret: getCallbackSecret(data.workspaceId),
    eventId,
  });
  log.info(
    { workspaceId: data.workspaceId, threshold: data.thresholdPercent, status },
    "budget alert delivered",
  );
  return { delivered: true, status };
}
