import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
import { clearCardByPaymentMethod, findBillingCustomer } from "@/db/queries/billing-customers";
import { isStripeEventProcessed } from "@/db/queries/billing-events";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { startCardSetup } from "@/lib/billing/start-card-setup";
import { signStripePayload } from "@/test/fakes/stripe-server";
import { type StripeTestEnv, startStripeTestEnv } from "@/test/helpers/fake-stripe-env";
import { relayOutboxOnce } from "@/test/helpers/relay-outbox";

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

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const RETURN_URL = "http://127.0.0.1:3000/settings/billing";

/** A user who went through "Add a card" and whose checkout completed; returns the session id. */
async function userWithCard() {
  const user = await createTestUser();
  const { url } = await startCardSetup({ workspaceId: user.id, user, returnUrl: RETURN_URL });
  const sessionId = new URL(url).pathname.split("/").pop() ?? "";
  expect(await env.stripe.completeCheckout(sessionId)).toBe(200);
  return { user, sessionId };
}

describe("Add a card: checkout creation", () => {
  it("creates the customer once and a setup-mode session that returns to the Billing page", async () => {
    const user = await createTestUser();
    const before = env.stripe.customers.size;
    const first = await startCardSetup({ workspaceId: user.id, user, returnUrl: RETURN_URL });
    const second = await startCardSetup({ workspaceId: user.id, user, returnUrl: RETURN_URL });
    expect(env.stripe.customers.size).toBe(before + 1);
    const stored = await findBillingCustomer(await getDb(), { workspaceId: user.id });
    expect(stored?.stripeCustomerId).toMatch(/^cus_/);
    expect(stored?.card).toBeNull();
    const customer = env.stripe.customers.get(stored?.stripeCustomerId ?? "");
    expect(customer).toMatchObject({ email: user.email, metadata: { tracepipe_user_id: user.id } });
    expect(first.url).not.toBe(second.url);
    expect(first.url.startsWith(`${env.stripe.url}/pay/cs_test_`)).toBe(true);
  });
});

describe("POST /api/stripe/webhook", () => {
  it("refuses a missing or wrong signature with 400 and changes nothing", async () => {
    const { user } = await userWithCard();
    const delivery = env.lastDeliveryOf("checkout.session.completed");
    if (!delivery) throw new Error("no delivery");
    expect((await env.deliver(delivery.body, undefined)).status).toBe(400);
    const forged = signStripePayload("whsec_not_the_secret", delivery.body);
    expect((await env.deliver(delivery.body, forged)).status).toBe(400);
    const tampered = delivery.body.replace('"mode": "setup"', '"mode": "setup" ');
    expect((await env.deliver(tampered, delivery.signature)).status).toBe(400);
    expect((await findBillingCustomer(await getDb(), { workspaceId: user.id }))?.card?.last4).toBe("4242");
  });

  it("stores the card of a completed setup checkout and makes it the customer's default", async () => {
    const { user } = await userWithCard();
    const stored = await findBillingCustomer(await getDb(), { workspaceId: user.id });
    expect(stored?.card).toMatchObject({ brand: "visa", last4: "4242", expMonth: 12 });
    expect(stored?.card?.paymentMethodId).toMatch(/^pm_/);
    const customer = env.stripe.customers.get(stored?.stripeCustomerId ?? "");
    expect(customer?.invoice_settings).toEqual({ default_payment_method: stored?.card?.paymentMethodId });
  });

  it("queues a usage report once a card is saved, so earlier usage is not left for the next scheduled run", async () => {
    const db = await getDb();
    const reportRuns = async () =>
      rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from job_runs where event_name = 'billing/usage-report-requested'`,
        ),
      )[0]?.n ?? 0;
    // Events of earlier cards are relayed first; the app's executor would have done it as they were written.
    await relayOutboxOnce();
    const before = await reportRuns();
    await userWithCard();
    await relayOutboxOnce();
    expect(await reportRuns()).toBe(before + 1);
  });

  it("applies a replayed event once: the second delivery is acknowledged and skipped", async () => {
    const { user } = await userWithCard();
    const delivery = env.lastDeliveryOf("checkout.session.completed");
    if (!delivery) throw new Error("no delivery");
    const eventId = (JSON.parse(delivery.body) as { id: string }).id;
    expect(await isStripeEventProcessed(await getDb(), eventId)).toBe(true);
    const db = await getDb();
    const card = (await findBillingCustomer(db, { workspaceId: user.id }))?.card;
    // Forget the card locally: a replay that re-applied the event would bring it back.
    await clearCardByPaymentMethod(db, { paymentMethodId: card?.paymentMethodId ?? "" });
    const replay = await env.deliver(
      delivery.body,
      signStripePayload(env.stripe.webhookSecret, delivery.body),
    );
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, outcome: "duplicate" });
    expect((await findBillingCustomer(db, { workspaceId: user.id }))?.card).toBeNull();
  });

  it("clears the card when it is detached and the customer when it is deleted", async () => {
    const { user } = await userWithCard();
    const db = await getDb();
    const stored = await findBillingCustomer(db, { workspaceId: user.id });
    const pm = stored?.card?.paymentMethodId ?? "";
    const detached = await env.stripe.sendEvent("payment_method.detached", {
      id: pm,
      object: "payment_method",
      customer: null,
      type: "card",
    });
    expect(detached.status).toBe(200);
    expect(await findBillingCustomer(db, { workspaceId: user.id })).toMatchObject({
      stripeCustomerId: stored?.stripeCustomerId,
      card: null,
    });
    const deleted = await env.stripe.sendEvent("customer.deleted", {
      id: stored?.stripeCustomerId ?? "",
      object: "customer",
      deleted: true,
    });
    expect(deleted.status).toBe(200);
    expect(await findBillingCustomer(db, { workspaceId: user.id })).toEqual({
      stripeCustomerId: null,
      card: null,
      subscriptionId: null,
      status: "none",
    });
    // Each change is in the user's audit log, made by Stripe, with the card's shown details when it arrived.
    const audit = await listAuditEntries(db, { workspaceId: user.id, limit: 10 });
    expect(audit.map((e) => [e.type, e.actorType, e.actorId, e.targetType])).toEqual([
      ["billing.customer_deleted", "system", "stripe", "stripe_customer"],
      ["billing.card_removed", "system", "stripe", "payment_method"],
      ["billing.card_added", "system", "stripe", "payment_method"],
    ]);
    expect(audit[1]?.targetId).toBe(pm);
    expect(audit[2]?.after).toMatchObject({ brand: "visa", last4: "4242" });
    expect(audit[2]?.metadata).toMatchObject({ stripeEventId: expect.stringMatching(/^evt_/) });
  });

  it("acknowledges event types outside the allowlist without acting on them", async () => {
    const sent = await env.stripe.sendEvent("charge.succeeded", { id: "ch_123", object: "charge" });
    expect(sent.status).toBe(200);
    expect(await isStripeEventProcessed(await getDb(), String(sent.event.id))).toBe(false);
  });
});
