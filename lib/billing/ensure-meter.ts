import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { findBillingMeterId, saveBillingMeter } from "@/db/queries/billing-meters";
import { getStripe } from "./stripe-client";

type MeterLine = { eventName: string; displayName: string };

/** The settings every Tracepipe meter has: a sum of `value` per `stripe_customer_id`. */
export const meterSettingsOf = (line: MeterLine) =>
  ({
    display_name: line.displayName,
    event_name: line.eventName,
    default_aggregation: { formula: "sum" },
    customer_mapping: { type: "by_id", event_payload_key: "stripe_customer_id" },
    value_settings: { event_payload_key: "value" },
  }) satisfies Stripe.Billing.MeterCreateParams;

/**
 * The Stripe meter of a billing line, looked up by event name and created at first use. Meter events are
 * accepted for any event name, but only events whose name has a meter are aggregated, so the meter must exist
 * before usage is sent.
 */
export async function ensureMeter(line: MeterLine): Promise<string> {
  const db = await getDb();
  const known = await findBillingMeterId(db, line.eventName);
  if (known) return known;
  const stripe = getStripe();
  let meterId: string | undefined;
  for await (const meter of stripe.billing.meters.list({ status: "active", limit: 100 })) {
    if (meter.event_name === line.eventName) {
      meterId = meter.id;
      break;
    }
  }
  if (!meterId) {
    const meter = await stripe.billing.meters.create(meterSettingsOf(line), {
      idempotencyKey: `tracepipe-meter-${line.eventName}`,
    });
    meterId = meter.id;
  }
  await saveBillingMeter(db, { eventName: line.eventName, stripeMeterId: meterId });
  return meterId;
}
