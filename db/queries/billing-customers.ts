import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { workspaces } from "../schema";

export interface StoredCard {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type BillingStatus = (typeof workspaces.$inferSelect)["billingStatus"];

export interface BillingCustomerRow {
  stripeCustomerId: string | null;
  card: StoredCard | null;
  subscriptionId: string | null;
  status: BillingStatus;
}

export async function findBillingCustomer(
  db: Database,
  filter: { workspaceId: string },
): Promise<BillingCustomerRow | undefined> {
  const [row] = await db
    .select({
      stripeCustomerId: workspaces.stripeCustomerId,
      paymentMethodId: workspaces.defaultPaymentMethodId,
      brand: workspaces.cardBrand,
      last4: workspaces.cardLast4,
      expMonth: workspaces.cardExpMonth,
      expYear: workspaces.cardExpYear,
      subscriptionId: workspaces.stripeSubscriptionId,
      status: workspaces.billingStatus,
    })
    .from(workspaces)
    .where(eq(workspaces.id, filter.workspaceId))
    .limit(1);
  if (!row) return undefined;
  const { paymentMethodId, brand, last4, expMonth, expYear } = row;
  const card =
    paymentMethodId && brand && last4 && expMonth !== null && expYear !== null
      ? { paymentMethodId, brand, last4, expMonth, expYear }
      : null;
  return {
    stripeCustomerId: row.stripeCustomerId,
    card,
    subscriptionId: row.subscriptionId,
    status: row.status,
  };
}

/**
 * Stores the customer id unless the workspace already has one (a concurrent request won); returns the stored id,
 * so both requests go on with the same customer.
 */
export async function setStripeCustomerIdIfMissing(
  db: Database,
  input: { workspaceId: string; stripeCustomerId: string },
): Promise<string | null> {
  await db
    .update(workspaces)
    .set({ stripeCustomerId: input.stripeCustomerId, updatedAt: new Date() })
    .where(and(eq(workspaces.id, input.workspaceId), isNull(workspaces.stripeCustomerId)));
  const [row] = await db
    .select({ stripeCustomerId: workspaces.stripeCustomerId })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  return row?.stripeCustomerId ?? null;
}

/** Returns the id of the workspace with this customer, if any (a webhook for an unknown customer changes nothing). */
export async function setDefaultCardOfCustomer(
  db: Database,
  input: { stripeCustomerId: string; card: StoredCard },
): Promise<string | undefined> {
  const { card } = input;
  const updated = await db
    .update(workspaces)
    .set({
      defaultPaymentMethodId: card.paymentMethodId,
      cardBrand: card.brand,
      cardLast4: card.last4,
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      updatedAt: new Date(),
    })
    .where(eq(workspaces.stripeCustomerId, input.stripeCustomerId))
    .returning({ id: workspaces.id });
  return updated[0]?.id;
}

const noCard = {
  defaultPaymentMethodId: null,
  cardBrand: null,
  cardLast4: null,
  cardExpMonth: null,
  cardExpYear: null,
};

/** Forgets a card that was detached from its customer (only where it is the stored default). */
/** Returns the ids of the workspaces whose card was cleared. */
export async function clearCardByPaymentMethod(db: Database, filter: { paymentMethodId: string }) {
  const rows = await db
    .update(workspaces)
    .set({ ...noCard, updatedAt: new Date() })
    .where(eq(workspaces.defaultPaymentMethodId, filter.paymentMethodId))
    .returning({ id: workspaces.id });
  return rows.map((r) => r.id);
}

/** A deleted Stripe customer: the workspace starts over with a new customer when adding a card again. */
export async function clearStripeCustomer(db: Database, filter: { stripeCustomerId: string }) {
  const rows = await db
    .update(workspaces)
    .set({
      ...noCard,
      stripeCustomerId: null,
      stripeSubscriptionId: null,
      billingStatus: "none",
      updatedAt: new Date(),
    })
    .where(eq(workspaces.stripeCustomerId, filter.stripeCustomerId))
    .returning({ id: workspaces.id });
  return rows.map((r) => r.id);
}

/** The subscription started for a customer, and its status; returns the paying workspace's id, if any. */
export async function setSubscriptionOfCustomer(
  db: Database,
  input: { stripeCustomerId: string; subscriptionId: string; status: BillingStatus },
): Promise<string | undefined> {
  const [row] = await db
    .update(workspaces)
    .set({ stripeSubscriptionId: input.subscriptionId, billingStatus: input.status, updatedAt: new Date() })
    .where(eq(workspaces.stripeCustomerId, input.stripeCustomerId))
    .returning({ id: workspaces.id });
  return row?.id;
}

/** A status change of the customer's current subscription (events about an older subscription change nothing). */
export async function setBillingStatusOfSubscription(
  db: Database,
  input: { stripeCustomerId: string; subscriptionId: string; status: BillingStatus },
): Promise<boolean> {
  const updated = await db
    .update(workspaces)
    .set({ billingStatus: input.status, updatedAt: new Date() })
    .where(
      and(
        eq(workspaces.stripeCustomerId, input.stripeCustomerId),
        eq(workspaces.stripeSubscriptionId, input.subscriptionId),
      ),
    )
    .returning({ id: workspaces.id });
  return updated.length > 0;
}
