import { getDb } from "@/db/client";
import { listUnreportedUsage, markUsageReported } from "@/db/queries/billing-usage";
import { isStripeConfigured } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { billingLineOf } from "./billing-lines";
import { ensureMeter } from "./ensure-meter";
import { BILLABLE_KINDS, isBillableKind } from "./prices";
import { getStripe } from "./stripe-client";

const log = childLogger("report-usage");

export const REPORT_BATCH_SIZE = 100;

/** Stripe refuses meter events older than 35 days; older unreported usage is sent as of 34 days ago. */
const MAX_EVENT_AGE_SECONDS = 34 * 24 * 3600;

/**
 * Sends one batch of not-yet-reported usage (oldest first, users with a Stripe customer only) as meter events,
 * then marks the batch reported. Each event's `identifier` is the usage record id, so a batch that is re-sent
 * after a crash between sending and marking is counted once by Stripe. Returns how many records were reported.
 */
export async function reportUsageBatch(input: { limit?: number; now?: Date } = {}): Promise<number> {
  if (!isStripeConfigured()) return 0;
  const db = await getDb();
  const limit = input.limit ?? REPORT_BATCH_SIZE;
  const records = await listUnreportedUsage(db, { kinds: [...BILLABLE_KINDS], limit });
  if (records.length === 0) return 0;
  const stripe = getStripe();
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  for (const record of records) {
    if (!isBillableKind(record.kind)) continue;
    const line = billingLineOf(record.kind, record.modelId);
    await ensureMeter(line);
    await stripe.billing.meterEvents.create(
      {
        event_name: line.eventName,
        identifier: record.id,
        timestamp: Math.max(
          Math.floor(record.occurredAt.getTime() / 1000),
          nowSeconds - MAX_EVENT_AGE_SECONDS,
        ),
        payload: { stripe_customer_id: record.stripeCustomerId, value: String(record.quantity) },
      },
      { idempotencyKey: `tracepipe-usage-${record.id}` },
    );
  }
  const marked = await markUsageReported(db, { ids: records.map((r) => r.id), at: new Date() });
  log.info({ sent: records.length, marked }, "usage reported to stripe");
  return records.length;
}
