import type Stripe from "stripe";
import { type Database, getDb } from "@/db/client";
import {
  clearCardByPaymentMethod,
  clearStripeCustomer,
  setBillingStatusOfSubscription,
  setDefaultCardOfCustomer,
} from "@/db/queries/billing-customers";
import {
  findStripeEvent,
  isStripeEventProcessed,
  markStripeEventProcessed,
  saveStripeEvent,
} from "@/db/queries/billing-events";
import type { AuditEventType } from "@/lib/audit/audit-event-types";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { isStripeConfigured } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { transactionWithEvents } from "@/lib/events/emit-events";
import { childLogger } from "@/lib/logger";
import { billingStatusOf, startUsageSubscription } from "./start-usage-subscription";
import { getStripe, getWebhookSecret } from "./stripe-client";

const log = childLogger("stripe-webhook");

/** The event types billing acts on; any other type is acknowledged and ignored. */
const HANDLED_TYPES = new Set([
  "checkout.session.completed",
  "payment_method.detached",
  "customer.deleted",
  "customer.updated",
  "invoice.paid",
  "invoice.payment_failed",
  "customer.subscription.updated",
  "customer.subscription.deleted",
]);

export type WebhookOutcome = "processed" | "duplicate" | "ignored";

/**
 * Verifies a webhook delivery on its raw body, keeps its payload and applies it once per event id. The id is
 * marked processed after the event is applied, and every step is idempotent, so a delivery that failed half-way
 * is safely redone by Stripe's retry (or `npm run stripe:redrive`), and a replay of a handled event changes nothing.
 */
export async function handleStripeWebhook(
  rawBody: Uint8Array,
  signature: string | null,
  meta: RequestMeta,
): Promise<WebhookOutcome> {
  if (!isStripeConfigured()) throw notFound("Billing");
  if (!signature) throw new AppError({ code: "bad_request", message: "Missing Stripe-Signature header" });
  let event: Stripe.Event;
  try {
    event = await getStripe().webhooks.constructEventAsync(rawBody, signature, getWebhookSecret());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({ code: "bad_request", message: "Invalid Stripe signature", cause: error });
  }
  if (!HANDLED_TYPES.has(event.type)) return "ignored";
  const db = await getDb();
  if (await isStripeEventProcessed(db, event.id)) return "duplicate";
  await saveStripeEvent(db, {
    id: event.id,
    type: event.type,
    payload: JSON.parse(new TextDecoder().decode(rawBody)) as Record<string, unknown>,
  });
  await applyEvent(event, meta);
  await markStripeEventProcessed(db, { id: event.id, type: event.type });
  log.info({ eventId: event.id, type: event.type }, "stripe event processed");
  return "processed";
}

/** Applies a stored event again (an admin's re-drive after a fix); the payload was verified when received. */
export async function redriveStripeEvent(eventId: string): Promise<{ type: string }> {
  const db = await getDb();
  const stored = await findStripeEvent(db, eventId);
  if (!stored?.payload) throw notFound(`Stored Stripe event ${eventId}`);
  const event = stored.payload as unknown as Stripe.Event;
  // Audit entries of a re-drive name no client: the operator's command acts for Stripe.
  await applyEvent(event, { ip: null, userAgent: "tracepipe stripe:redrive" });
  await markStripeEventProcessed(db, { id: event.id, type: event.type });
  log.info({ eventId, type: event.type }, "stripe event re-driven");
  return { type: event.type };
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id;

/** A billing change made by a Stripe webhook, recorded in the paying workspace's log with the change it records. */
function recordBillingChange(
  tx: Database,
  meta: RequestMeta,
  change: {
    type: AuditEventType;
    workspaceId: string;
    eventId: string;
    target: { type: string; id: string };
  },
  states: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
) {
  return recordAuditEvent(
    {
      type: change.type,
      workspaceId: change.workspaceId,
      actor: { type: "system", id: "stripe" },
      target: change.target,
      ...states,
      metadata: { stripeEventId: change.eventId },
    },
    meta,
    tx,
  );
}

async function applyEvent(event: Stripe.Event, meta: RequestMeta): Promise<void> {
  const db = await getDb();
  switch (event.type) {
    case "checkout.session.completed":
      return saveCardFromCheckout(event.id, event.data.object, meta);
    case "payment_method.detached": {
      const paymentMethodId = event.data.object.id;
      await db.transaction(async (tx) => {
        for (const workspaceId of await clearCardByPaymentMethod(tx, { paymentMethodId })) {
          const target = { type: "payment_method", id: paymentMethodId };
          await recordBillingChange(tx, meta, {
            type: "billing.card_removed",
            workspaceId,
            eventId: event.id,
            target,
          });
        }
      });
      return;
    }
    case "customer.deleted": {
      const stripeCustomerId = event.data.object.id;
      await db.transaction(async (tx) => {
        for (const workspaceId of await clearStripeCustomer(tx, { stripeCustomerId })) {
          const target = { type: "stripe_customer", id: stripeCustomerId };
          await recordBillingChange(tx, meta, {
            type: "billing.customer_deleted",
            workspaceId,
            eventId: event.id,
            target,
          });
        }
      });
      return;
    }
    case "customer.updated":
      return saveDefaultCardOfCustomer(event.data.object);
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const customer = idOf(invoice.customer);
      const subscription = idOf(invoice.parent?.subscription_details?.subscription);
      if (!customer || !subscription) return;
      const status = event.type === "invoice.paid" ? "active" : "past_due";
      await setBillingStatusOfSubscription(db, {
        stripeCustomerId: customer,
        subscriptionId: subscription,
        status,
      });
      log.info({ eventId: event.id, invoiceId: invoice.id, status }, "invoice outcome applied");
      return;
    }
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      const customer = idOf(subscription.customer);
      if (!customer) return;
      await setBillingStatusOfSubscription(db, {
        stripeCustomerId: customer,
        subscriptionId: subscription.id,
        status:
          event.type === "customer.subscription.deleted" ? "canceled" : billingStatusOf(subscription.status),
      });
      return;
    }
  }
}

async function saveCardFromCheckout(
  eventId: string,
  session: Stripe.Checkout.Session,
  meta: RequestMeta,
): Promise<void> {
  if (session.mode !== "setup") return;
  const setupIntentId = idOf(session.setup_intent);
  const customerId = idOf(session.customer);
  if (!setupIntentId || !customerId) {
    log.warn({ eventId }, "setup checkout without setup intent or customer");
    return;
  }
  const stripe = getStripe();
  const intent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] });
  const method = intent.payment_method;
  if (!method || typeof method === "string" || !method.card) {
    log.warn({ eventId, setupIntentId }, "setup intent has no card payment method");
    return;
  }
  await stripe.customers.update(
    customerId,
    { invoice_settings: { default_payment_method: method.id } },
    { idempotencyKey: `tracepipe-default-pm-${eventId}` },
  );
  // The card and the usage report it makes possible commit together.
  const card = {
    paymentMethodId: method.id,
    brand: method.card.brand,
    last4: method.card.last4,
    expMonth: method.card.exp_month,
    expYear: method.card.exp_year,
  };
  const stored = await transactionWithEvents(await getDb(), async (tx, emit) => {
    const workspaceId = await setDefaultCardOfCustomer(tx, { stripeCustomerId: customerId, card });
    if (!workspaceId) return undefined;
    const { paymentMethodId, ...shown } = card;
    const target = { type: "payment_method", id: paymentMethodId };
    await recordBillingChange(
      tx,
      meta,
      { type: "billing.card_added", workspaceId, eventId, target },
      { after: shown },
    );
    // Usage recorded before the card existed is reported now rather than at the next scheduled run.
    emit({ name: "billing/usage-report-requested", data: {}, id: `usage-report-after-${eventId}` });
    return workspaceId;
  });
  if (!stored) {
    log.warn({ eventId, customerId }, "checkout completed for an unknown customer");
    return;
  }
  await startUsageSubscription({ stripeCustomerId: customerId, eventId });
}

/** A card changed in the Billing Portal arrives as the customer's new default payment method. */
async function saveDefaultCardOfCustomer(customer: Stripe.Customer): Promise<void> {
  const methodId = idOf(customer.invoice_settings?.default_payment_method);
  if (!methodId) return;
  const method = await getStripe().paymentMethods.retrieve(methodId);
  if (!method.card) return;
  await setDefaultCardOfCustomer(await getDb(), {
    stripeCustomerId: customer.id,
    card: {
      paymentMethodId: method.id,
      brand: method.card.brand,
      last4: method.card.last4,
      expMonth: method.card.exp_month,
      expYear: method.card.exp_year,
    },
  });
}
