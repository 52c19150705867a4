import { getDb } from "@/db/client";
import { findBillingCustomer } from "@/db/queries/billing-customers";
import { AppError } from "@/lib/errors";
import { getStripe } from "./stripe-client";

/** A Stripe Billing Portal session, where the customer changes the card (Stripe hosts the card form). */
export async function openBillingPortal(input: {
  accountId: string;
  returnUrl: string;
}): Promise<{ url: string }> {
  const customer = await findBillingCustomer(await getDb(), { workspaceId: input.accountId });
  if (!customer?.stripeCustomerId)
    throw new AppError({
      code: "conflict",
      message: "Add a card first; there is no billing account to manage yet.",
    });
  const session = await getStripe().billingPortal.sessions.create(
    { customer: customer.stripeCustomerId, return_url: input.returnUrl },
    { idempotencyKey: `tracepipe-portal-${input.accountId}-${crypto.randomUUID()}` },
  );
  return { url: session.url };
}
