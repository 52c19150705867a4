import { getDb } from "@/db/client";
import { insertUsageRecords, type UsageKind } from "@/db/queries/usage-records";
import { isBillableKind } from "@/lib/billing/prices";
import { checkBudgetThresholds } from "@/lib/budgets/check-budget-thresholds";
import { isStripeConfigured } from "@/lib/env";
import { transactionWithEvents } from "@/lib/events/emit-events";

export interface UsageItem {
  kind: UsageKind;
  quantity: number;
  modelId?: string | null;
  /** Distinguishes two items of the same kind for one subject (e.g. two models). */
  discriminator?: string;
}

/**
 * Records usage for one account and subject (e.g. `example:<id>`). The idempotency key is derived from the
 * subject, kind, model and discriminator, so a retried or re-driven step records nothing twice. Zero quantities
 * are skipped. New billable usage asks for a usage report in the same transaction, so it reaches Stripe (and
 * the Billing page's invoice preview) within seconds instead of at the next 10-minute run, and the workspace's
 * budget thresholds are checked in it too.
 */
export async function recordUsage(input: {
  /** The workspace billed. */
  workspaceId: string;
  /** Who caused it, when a person did. */
  userId?: string | null;
  /** The API key whose request caused it, when one did. */
  apiKeyId?: string | null;
  /** Paid on its own (an AP2 example's PaymentIntent): recorded and budgeted, never metered to the invoice. */
  prepaid?: boolean;
  subject: string;
  items: UsageItem[];
  occurredAt?: Date;
}): Promise<{ inserted: number }> {
  const records = input.items
    .filter((item) => item.quantity > 0)
    .map((item) => ({
      workspaceId: input.workspaceId,
      userId: input.userId ?? null,
      apiKeyId: input.apiKeyId ?? null,
      prepaid: input.prepaid ?? false,
      kind: item.kind,
      modelId: item.modelId ?? null,
      quantity: Math.round(item.quantity),
      subject: input.subject,
      idempotencyKey: usageIdempotencyKey(input.subject, item),
      occurredAt: input.occurredAt ?? new Date(),
    }));
  const isBillable = records.some((r) => isBillableKind(r.kind));
  const inserted = await transactionWithEvents(await getDb(), async (tx, emit) => {
    const count = await insertUsageRecords(tx, records);
    if (count > 0 && isBillable && !input.prepaid && isStripeConfigured())
      emit({
        name: "billing/usage-report-requested",
        data: {},
        id: `usage-report-${records[0]?.idempotencyKey}`,
      });
    // Budget alerts are checked where cost is recorded, once per new billable record (never on page load).
    if (count > 0 && isBillable) await checkBudgetThresholds(tx, { workspaceId: input.workspaceId, emit });
    return count;
  });
  return { inserted };
}

export const usageIdempotencyKey = (subject: string, item: Omit<UsageItem, "quantity">) =>
  [subject, item.kind, item.modelId ?? "-", item.discriminator ?? "-"].join(":");
