import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { setStripeCustomerIdIfMissing } from "@/db/queries/billing-customers";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { startUsageSubscription } from "@/lib/billing/start-usage-subscription";
import { getStripe } from "@/lib/billing/stripe-client";
import { type StripeTestEnv, startStripeTestEnv } from "@/test/helpers/fake-stripe-env";
import { eraseAccount } from "./erase-account";

// Erasure cancels the subscription of the workspace it deletes, through the SDK against the fake Stripe.

let dataDir: string;
let env: StripeTestEnv;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  env = await startStripeTestEnv();
});
afterAll(async () => {
  await env.close();
  await closeTestDatabase(dataDir);
});

describe("deletion and billing", () => {
  it("cancels the deleted workspace's live subscription and counts it on the receipt", async () => {
    const user = await createTestUser();
    const stripe = getStripe();
    const customer = await stripe.customers.create({ email: user.email });
    await setStripeCustomerIdIfMissing(await getDb(), { userId: user.id, stripeCustomerId: customer.id });
    const subscriptionId = await startUsageSubscription({
      stripeCustomerId: customer.id,
      eventId: "evt_del_1",
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe("active");

    const result = await eraseAccount(
      { ...user, createdAt: new Date() },
      {},
      { ip: "203.0.113.8", userAgent: "vitest" },
    );
    expect(result.claims.removed.stripe_subscriptions_canceled).toBe(1);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe("canceled");
  });
});
