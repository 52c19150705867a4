import { getDb } from "@/db/client";
import { findBillingCustomer } from "@/db/queries/billing-customers";
import { childLogger } from "@/lib/logger";
import { getStripe } from "./stripe-client";

const log = childLogger("billing");

/**
 * Cancels every live subscription of the workspace's Stripe customer, at once (usage already reported stays
 * invoiced by Stripe; nothing new is metered once the workspace's rows are gone). Asks Stripe rather than trusting
 * the stored subscription id, which a missed webhook could leave stale. Safe to repeat: a canceled subscription is
 * no longer listed, and each cancellation carries an idempotency key. Returns how many were canceled.
 */
export async function cancelWorkspaceSubscriptions(workspaceId: string): Promise<number> {
  const customer = await findBillingCustomer(await getDb(), { workspaceId });
  if (!customer?.stripeCustomerId) return 0;
  const stripe = getStripe();
  let canceled = 0;
  for await (const subscription of stripe.subscriptions.list({
    customer: customer.stripeCustomerId,
    limit: 100,
  })) {
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired") continue;
    await stripe.subscriptions.cancel(
      subscription.id,
      {},
      { idempotencyKey: `tracepipe-delete-${subscription.id}` },
    );
    canceled += 1;
  }
  log.info({ workspaceId, canceled }, "subscriptions canceled for workspace deletion");
  return canceled;
}
