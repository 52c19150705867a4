import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { setStripeCustomerIdIfMissing } from "@/db/queries/billing-customers";
import { insertWorkspace } from "@/db/queries/workspaces";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { startUsageSubscription } from "@/lib/billing/start-usage-subscription";
import { getStripe } from "@/lib/billing/stripe-client";
import { type StripeTestEnv, startStripeTestEnv } from "@/test/helpers/fake-stripe-env";
import { deleteWorkspace } from "./delete-workspace";
import { eraseAccount } from "./erase-account";

// Deletion cancels the subscription of the workspace it deletes, through the SDK against the fake Stripe.

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
  /** A live usage subscription on the workspace's own Stripe customer. */
  async function subscribe(workspaceId: string, eventId: string) {
    const stripe = getStripe();
    const customer = await stripe.customers.create({ metadata: { workspaceId } });
    await setStripeCustomerIdIfMissing(await getDb(), { workspaceId, stripeCustomerId: customer.id });
    const id = await startUsageSubscription({ stripeCustomerId: customer.id, eventId });
    expect((await stripe.subscriptions.retrieve(id)).status).toBe("active");
    return id;
  }
  const meta = { ip: "203.0.113.8", userAgent: "vitest" };

  it("deleting a team workspace cancels its live subscription and counts it on the receipt", async () => {
    const owner = await createTestUser();
    const team = await insertWorkspace(await getDb(), { name: "Paying team", ownerId: owner.id });
    const subscriptionId = await subscribe(team.id, "evt_del_team");
    const result = await deleteWorkspace({ userId: owner.id, workspaceId: team.id, role: "owner" }, {}, meta);
    expect(result.claims.removed.stripe_subscriptions_canceled).toBe(1);
    expect((await getStripe().subscriptions.retrieve(subscriptionId)).status).toBe("canceled");
  });

  it("erasing an account cancels the personal workspace's subscription", async () => {
    const user = await createTestUser();
    const subscriptionId = await subscribe(user.id, "evt_del_personal");
    const result = await eraseAccount({ ...user, createdAt: new Date() }, {}, meta);
    expect(result.claims.removed.stripe_subscriptions_canceled).toBe(1);
    expect((await getStripe().subscriptions.retrieve(subscriptionId)).status).toBe("canceled");
  });
});
