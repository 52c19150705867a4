import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { type BillingStatus, setSubscriptionOfCustomer } from "@/db/queries/billing-customers";
import { childLogger } from "@/lib/logger";
import { getStripe } from "./stripe-client";
import { ensureStripeCatalog } from "./sync-stripe-catalog";

const log = childLogger("billing");

/** Stripe's subscription states, as the account sees them: may it do paid work, and why not. */
export function billingStatusOf(status: Stripe.Subscription.Status): BillingStatus {
  switch (status) {
    case "active":
    case "trialing":
      return "active";
    case "canceled":
    case "incomplete_expired":
      return "canceled";
    default:
      // past_due, unpaid, incomplete, paused: an invoice waits for a working card.
      return "past_due";
  }
}

/**
 * Starts the customer's usage subscription once a card is saved: every metered price of the price list, monthly,
 * in arrears, no fixed fee. Stripe is asked first, so a customer who already has a live subscription keeps it
 * (a redelivered or re-driven webhook starts nothing new); the creation's idempotency key is the event's.
 */
export async function startUsageSubscription(input: {
  stripeCustomerId: string;
  eventId: string;
}): Promise<string> {
  const stripe = getStripe();
  let subscription: Stripe.Subscription | undefined;
  for await (const existing of stripe.subscriptions.list({
    customer: input.stripeCustomerId,
    status: "all",
    limit: 100,
  })) {
    if (existing.status !== "canceled" && existing.status !== "incomplete_expired") {
      subscription = existing;
      break;
    }
  }
  if (!subscription) {
    const prices = await ensureStripeCatalog();
    subscription = await stripe.subscriptions.create(
      {
        customer: input.stripeCustomerId,
        collection_method: "charge_automatically",
        items: [...prices.values()].map((price) => ({ price })),
        metadata: { tracepipe: "usage" },
      },
      { idempotencyKey: `tracepipe-subscription-${input.eventId}` },
    );
    log.info(
      { customerId: input.stripeCustomerId, subscriptionId: subscription.id },
      "usage subscription started",
    );
  }
  await setSubscriptionOfCustomer(await getDb(), {
    stripeCustomerId: input.stripeCustomerId,
    subscriptionId: subscription.id,
    status: billingStatusOf(subscription.status),
  });
  return subscription.id;
}
