import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findBillingCustomer } from "@/db/queries/billing-customers";
import { stripeEvents, workspaces } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { modelId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordUsage } from "@/lib/usage/record-usage";
import { createWorkspace } from "@/lib/workspaces/update-workspace";
import { type StripeTestEnv, startStripeTestEnv } from "../../test/helpers/fake-stripe-env";
import { assertPaidWorkAllowed, isPaidWorkAllowed } from "./assert-paid-work-allowed";
import { getBillingOverview } from "./get-billing-overview";
import { redriveStripeEvent } from "./handle-stripe-webhook";
import { openBillingPortal } from "./open-billing-portal";
import { reportUsageBatch } from "./report-usage";
import { startCardSetup } from "./start-card-setup";
import { getStripe } from "./stripe-client";
import { syncStripeCatalog } from "./sync-stripe-catalog";

let dataDir: string;
let env: StripeTestEnv;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  process.env.STRIPE_TEST_CLOCKS = "1";
  env = await startStripeTestEnv();
});
afterAll(async () => {
  await env.close();
  delete process.env.STRIPE_TEST_CLOCKS;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

const waitFor = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("timed out");
};

async function signUpWithCard() {
  const user = await createTestUser();
  const { url } = await startCardSetup({
    workspaceId: user.id,
    user,
    returnUrl: "http://127.0.0.1/settings/billing",
  });
  const sessionId = url.split("/pay/")[1] ?? "";
  expect(await env.stripe.completeCheckout(sessionId)).toBe(200);
  return user;
}

/** Advances the customer's test clock past its period end and waits until Stripe has billed it. */
async function advancePastPeriodEnd(userId: string) {
  const stripe = getStripe();
  const customerId =
    (await findBillingCustomer(await getDb(), { workspaceId: userId }))?.stripeCustomerId ?? "";
  const customer = await stripe.customers.retrieve(customerId);
  if (customer.deleted || typeof customer.test_clock !== "string")
    throw new Error("customer has no test clock");
  const [sub] = (await stripe.subscriptions.list({ customer: customerId })).data;
  const end = sub?.items.data[0]?.current_period_end ?? 0;
  await stripe.testHelpers.testClocks.advance(customer.test_clock, { frozen_time: end + 3600 });
  const clockId = customer.test_clock;
  await waitFor(async () =>
    (await stripe.testHelpers.testClocks.retrieve(clockId)).status === "ready" ? true : undefined,
  );
}

describe("billing cycle against the fake Stripe", () => {
  it("stripe:sync creates the price list's meters, products and metered prices once, then finds no difference", async () => {
    const before = await syncStripeCatalog({ apply: false });
    expect(before.differences.filter((d) => d.object === "price").length).toBe(9);
    expect(before.priceIds.size).toBe(0);
    const applied = await syncStripeCatalog({ apply: true });
    expect(applied.priceIds.size).toBe(9);
    const after = await syncStripeCatalog({ apply: false });
    expect(after.differences).toEqual([]);
    expect([...after.priceIds.values()].sort()).toEqual([...applied.priceIds.values()].sort());
    const storage = [...env.stripe.billing.prices.values()].find(
      (p) => p.lookup_key === "tracepipe_storage_byte_hours",
    );
    expect(storage?.tiers).toEqual([
      expect.objectContaining({ up_to: 730_000_000_000, unit_amount_decimal: "0" }),
      expect.objectContaining({ up_to: null, unit_amount_decimal: "0.00000000002" }),
    ]);
    // A price changed in Stripe (here: by hand) is reported, and replaced on apply.
    const gpt = [...env.stripe.billing.prices.values()].find(
      (p) => p.lookup_key === "tracepipe_input_tokens_gpt_4o",
    );
    if (gpt) gpt.unit_amount_decimal = "0.0004";
    const drift = await syncStripeCatalog({ apply: false });
    expect(drift.differences).toEqual([
      expect.objectContaining({ key: "tracepipe_input_tokens_gpt_4o", object: "price", isFixed: false }),
    ]);
    expect(drift.differences[0]?.problem).toContain("unit amount is 0.0004¢, not 0.000375¢");
    await syncStripeCatalog({ apply: true });
    expect((await syncStripeCatalog({ apply: false })).differences).toEqual([]);
  });

  it("saving a card starts a metered subscription; the preview matches the ledger to the cent; a paid invoice follows", async () => {
    const user = await signUpWithCard();
    const account = await findBillingCustomer(await getDb(), { workspaceId: user.id });
    expect(account?.status).toBe("active");
    // Changing the card in the Billing Portal reaches the app as customer.updated.
    const { url: portalUrl } = await openBillingPortal({
      accountId: user.id,
      returnUrl: "http://127.0.0.1/settings/billing",
    });
    expect(await env.stripe.changeCardInPortal(portalUrl.split("/portal/")[1] ?? "")).toBe(200);
    expect((await findBillingCustomer(await getDb(), { workspaceId: user.id }))?.card).toMatchObject({
      brand: "mastercard",
      last4: "4444",
    });
    const subscription = env.stripe.billing.subscriptions.get(account?.subscriptionId ?? "");
    expect(subscription?.items).toMatchObject({ data: expect.any(Array) });
    expect((subscription?.items as { data: unknown[] } | undefined)?.data.length).toBe(9);

    await recordUsage({
      workspaceId: user.id,
      userId: user.id,
      subject: "example:cycle-1",
      items: [
        { kind: "input_tokens", quantity: 123_457, modelId: modelId("gpt-4o") },
        { kind: "output_tokens", quantity: 98_765, modelId: modelId("gpt-4o") },
        { kind: "storage_byte_hours", quantity: 2_000_000_000_000 },
        { kind: "examples_generated", quantity: 3, modelId: modelId("gpt-4o") },
      ],
    });
    const pending = await getBillingOverview({ accountId: user.id });
    expect(pending.lines.every((l) => l.ledgerQuantity === 0 && l.pendingQuantity > 0)).toBe(true);
    while ((await reportUsageBatch()) > 0);

    const overview = await getBillingOverview({ accountId: user.id });
    const byKey = Object.fromEntries(overview.lines.map((l) => [l.key, l]));
    // 123457 × 0.000375¢ = 46.296¢ → 46¢; 98765 × 0.0015¢ = 148.15¢ → 148¢;
    // (2e12 − 730e9 free) byte-hours × 0.00000000002¢ = 25.4¢ → 25¢.
    expect(byKey.tracepipe_input_tokens_gpt_4o).toMatchObject({
      ledgerCents: 46,
      stripeCents: 46,
      isMatch: true,
    });
    expect(byKey.tracepipe_output_tokens_gpt_4o).toMatchObject({
      ledgerCents: 148,
      stripeCents: 148,
      isMatch: true,
    });
    expect(byKey.tracepipe_storage_byte_hours).toMatchObject({
      ledgerQuantity: 2000,
      ledgerCents: 25,
      stripeCents: 25,
      isMatch: true,
    });
    expect(overview.lines.length).toBe(3);
    expect(overview.ledgerTotalCents).toBe(219);
    expect(overview.stripeTotalCents).toBe(219);

    // A usage event Stripe counted that the ledger does not have is a mismatch on its line.
    await getStripe().billing.meterEvents.create({
      event_name: "tracepipe_output_tokens_gpt_4o",
      identifier: `stray-${user.id}`,
      payload: { stripe_customer_id: account?.stripeCustomerId ?? "", value: "1000" },
    });
    const drifted = await getBillingOverview({ accountId: user.id });
    expect(drifted.lines.find((l) => l.key === "tracepipe_output_tokens_gpt_4o")).toMatchObject({
      isMatch: false,
      ledgerCents: 148,
      stripeCents: 150,
    });
    env.stripe.meterEvents.delete(`stray-${user.id}`);

    await advancePastPeriodEnd(user.id);
    const billed = await waitFor(async () => {
      const o = await getBillingOverview({ accountId: user.id });
      return o.invoices.length === 1 ? o : undefined;
    });
    expect(billed.invoices[0]).toMatchObject({ status: "paid", amountCents: 219 });
    expect(billed.invoices[0]?.hostedUrl).toMatch(/\/invoices\/in_/);
    expect(billed.invoices[0]?.pdfUrl).toMatch(/\/invoices\/in_.*\/pdf$/);
    expect(billed.lines).toEqual([]);
    const paid = await waitFor(async () => {
      const rows = await getDb().then((db) =>
        db.select().from(stripeEvents).where(eq(stripeEvents.type, "invoice.paid")),
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(paid[0]?.processedAt).toBeInstanceOf(Date);
    expect(paid[0]?.payload).toMatchObject({ data: { object: { amount_paid: 219, status: "paid" } } });
  });

  it("a failed payment makes the account past_due and refuses paid work with 402; re-driving a stored event applies it again", async () => {
    const user = await signUpWithCard();
    await assertPaidWorkAllowed({ accountId: user.id, modelSlug: "gpt-4o" });
    expect(await isPaidWorkAllowed({ accountId: user.id, modelSlug: "gpt-4.1-mini" })).toBe(true);
    const account = await findBillingCustomer(await getDb(), { workspaceId: user.id });
    await recordUsage({
      workspaceId: user.id,
      userId: user.id,
      subject: "example:cycle-2",
      items: [{ kind: "output_tokens", quantity: 10_000, modelId: modelId("claude-sonnet-4-5") }],
    });
    while ((await reportUsageBatch()) > 0);
    env.stripe.failNextPayment(account?.stripeCustomerId ?? "");
    await advancePastPeriodEnd(user.id);
    await waitFor(async () => {
      const a = await findBillingCustomer(await getDb(), { workspaceId: user.id });
      return a?.status === "past_due" ? true : undefined;
    });
    const refused = await assertPaidWorkAllowed({ accountId: user.id, modelSlug: "gpt-4o" }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 402,
      code: "payment_required",
      extensions: { reason: "past_due", billing_url: "/settings/billing" },
    });
    // The free model is never refused.
    await assertPaidWorkAllowed({ accountId: user.id, modelSlug: "tracepipe-rules-1" });

    const db = await getDb();
    const [failed] = await db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.type, "invoice.payment_failed"));
    await db.update(workspaces).set({ billingStatus: "active" }).where(eq(workspaces.id, user.id));
    expect(await redriveStripeEvent(failed?.id ?? "")).toEqual({ type: "invoice.payment_failed" });
    expect((await findBillingCustomer(db, { workspaceId: user.id }))?.status).toBe("past_due");
  });

  it("without a card an LLM model and storage beyond the allowance are refused with 402; the free model is not", async () => {
    const user = await createTestUser();
    await assertPaidWorkAllowed({
      accountId: user.id,
      modelSlug: "tracepipe-rules-1",
      storedBytesAfter: 999_999_999,
    });
    await expect(assertPaidWorkAllowed({ accountId: user.id, modelSlug: "gpt-4o" })).rejects.toMatchObject({
      status: 402,
      extensions: { reason: "card_required" },
      message: expect.stringContaining("Model 'gpt-4o' is billed per token. Add a card"),
    });
    // LLM classification in the pipeline asks the same question and falls back to the rules.
    expect(await isPaidWorkAllowed({ accountId: user.id, modelSlug: "gpt-4.1-mini" })).toBe(false);
    expect(await isPaidWorkAllowed({ accountId: user.id, modelSlug: "tracepipe-rules-1" })).toBe(true);
    await expect(
      assertPaidWorkAllowed({ accountId: user.id, storedBytesAfter: 1_000_000_001 }),
    ).rejects.toMatchObject({
      status: 402,
      extensions: { reason: "storage_allowance_exceeded" },
    });
  });

  it("a team workspace pays for itself: its own customer, card and subscription, apart from its owner's", async () => {
    const owner = await createTestUser();
    const team = await createWorkspace(owner.id, { name: "Acme data team" }, { ip: null, userAgent: null });
    const { url } = await startCardSetup({
      workspaceId: team.id,
      user: owner,
      returnUrl: "http://127.0.0.1/settings/billing",
    });
    expect(await env.stripe.completeCheckout(url.split("/pay/")[1] ?? "")).toBe(200);
    const db = await getDb();
    const teamBilling = await waitFor(async () => {
      const found = await findBillingCustomer(db, { workspaceId: team.id });
      return found?.status === "active" ? found : undefined;
    });
    expect(teamBilling.card?.last4).toMatch(/^\d{4}$/);
    const personal = await findBillingCustomer(db, { workspaceId: owner.id });
    expect(personal).toMatchObject({ stripeCustomerId: null, card: null, status: "none" });
    const customer = await getStripe().customers.retrieve(teamBilling.stripeCustomerId ?? "");
    expect(customer.deleted ? {} : customer.metadata).toMatchObject({ tracepipe_workspace_id: team.id });
    // Paid work is allowed where the card is, and only there.
    await assertPaidWorkAllowed({ accountId: team.id, modelSlug: "gpt-4o" });
    await expect(assertPaidWorkAllowed({ accountId: owner.id, modelSlug: "gpt-4o" })).rejects.toMatchObject({
      status: 402,
    });
  });
});
