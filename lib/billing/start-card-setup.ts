import { getDb } from "@/db/client";
import { findBillingCustomer, setStripeCustomerIdIfMissing } from "@/db/queries/billing-customers";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import { BILLING_CURRENCY } from "./prices";
import { getStripe } from "./stripe-client";

const log = childLogger("billing");

/** The workspace that pays, and the person adding its card (Stripe's invoices go to their email). */
export interface CardSetupPayer {
  workspaceId: string;
  user: { id: string; email: string; displayName: string };
}

/** Returns the workspace's Stripe customer, creating it on first use. */
export async function ensureStripeCustomer({ workspaceId, user }: CardSetupPayer) {
  const db = await getDb();
  const existing = await findBillingCustomer(db, { workspaceId });
  if (!existing) throw notFound("Workspace");
  if (existing.stripeCustomerId) return existing.stripeCustomerId;
  const stripe = getStripe();
  const testClock = await createTestClockIfEnabled(workspaceId);
  const customer = await stripe.customers.create(
    {
      email: user.email,
      name: user.displayName,
      metadata: { tracepipe_workspace_id: workspaceId, tracepipe_user_id: user.id },
      ...(testClock ? { test_clock: testClock } : {}),
    },
    // Two clicks at once create one customer: Stripe replays the first response for the same key.
    { idempotencyKey: `tracepipe-customer-${workspaceId}` },
  );
  const stored = await setStripeCustomerIdIfMissing(db, { workspaceId, stripeCustomerId: customer.id });
  if (!stored) throw notFound("Workspace");
  log.info({ workspaceId, customerId: stored }, "stripe customer created");
  return stored;
}

/**
 * STRIPE_TEST_CLOCKS (test-mode keys only): the customer lives on its own test clock, frozen now, so a staging
 * run (or the e2e test) can advance its billing periods through Stripe's test-helper API.
 */
async function createTestClockIfEnabled(workspaceId: string): Promise<string | undefined> {
  const env = getEnv();
  if (!env.STRIPE_TEST_CLOCKS) return undefined;
  if (!env.STRIPE_SECRET_KEY?.startsWith("sk_test_"))
    throw new AppError({ code: "internal", message: "STRIPE_TEST_CLOCKS needs a test-mode Stripe key." });
  const frozenTime = Math.floor(Date.now() / 1000);
  const clock = await getStripe().testHelpers.testClocks.create(
    { frozen_time: frozenTime, name: `tracepipe ${workspaceId}` },
    { idempotencyKey: `tracepipe-test-clock-${workspaceId}-${frozenTime}` },
  );
  return clock.id;
}

/**
 * Starts "Add a card": a Checkout Session in setup mode for the workspace's customer. The card is stored only when
 * Stripe's `checkout.session.completed` webhook arrives, never on the success redirect.
 */
export async function startCardSetup(
  input: CardSetupPayer & {
    /** The Billing page's absolute URL; Checkout returns there. */
    returnUrl: string;
  },
): Promise<{ url: string }> {
  const customer = await ensureStripeCustomer(input);
  const back = new URL(input.returnUrl);
  const success = new URL(back);
  success.searchParams.set("setup", "success");
  const cancel = new URL(back);
  cancel.searchParams.set("setup", "cancelled");
  const session = await getStripe().checkout.sessions.create(
    {
      mode: "setup",
      currency: BILLING_CURRENCY,
      customer,
      client_reference_id: input.workspaceId,
      metadata: { tracepipe_workspace_id: input.workspaceId, tracepipe_user_id: input.user.id },
      success_url: success.href,
      cancel_url: cancel.href,
    },
    { idempotencyKey: `tracepipe-setup-${input.workspaceId}-${crypto.randomUUID()}` },
  );
  if (!session.url) throw new AppError({ code: "internal", message: "Stripe returned no checkout URL." });
  return { url: session.url };
}
