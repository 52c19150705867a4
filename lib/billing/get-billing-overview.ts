import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { type BillingStatus, findBillingCustomer, type StoredCard } from "@/db/queries/billing-customers";
import { sumUsageInPeriod } from "@/db/queries/usage-summary";
import { isStripeConfigured } from "@/lib/env";
import { startOfUtcMonth } from "@/lib/usage/get-usage-summary";
import { billingLineOf, currentPriceLines } from "./billing-lines";
import { amountCentsOf, isBillableKind, type PriceLine } from "./prices";
import { getStripe } from "./stripe-client";

export interface ReconciledLine {
  key: string;
  label: string;
  unit: "tokens" | "GB-hours";
  price: PriceLine["display"];
  /** Our ledger: usage already sent to Stripe in the period, and its amount by the price list. */
  ledgerQuantity: number;
  ledgerCents: number;
  /** Recorded but not yet sent (sent every 10 minutes); not on Stripe's preview yet. */
  pendingQuantity: number;
  /** Stripe's invoice preview line; null without a subscription. */
  stripeQuantity: number | null;
  stripeCents: number | null;
  isMatch: boolean | null;
}

export interface PastInvoice {
  id: string;
  number: string | null;
  status: string | null;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  hostedUrl: string | null;
  pdfUrl: string | null;
}

export interface BillingOverview {
  isEnabled: boolean;
  card: Omit<StoredCard, "paymentMethodId"> | null;
  status: BillingStatus;
  hasSubscription: boolean;
  periodStart: string;
  periodEnd: string;
  lines: ReconciledLine[];
  ledgerTotalCents: number;
  stripeTotalCents: number | null;
  invoices: PastInvoice[];
}

/** Display units: tokens as counted, storage byte-hours as GB-hours. */
const displayQuantity = (line: PriceLine, quantity: number) =>
  line.kind === "storage_byte_hours" ? quantity / 1_000_000_000 : quantity;

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id;

/**
 * The Billing page of one account: its card, and the current period's invoice line by line — Stripe's preview
 * (`invoices.createPreview`) beside our ledger priced by the price list, matched to the cent — and its past
 * invoices. Without a subscription the period is the UTC month and only the ledger is shown.
 */
export async function getBillingOverview(input: { accountId: string; now?: Date }): Promise<BillingOverview> {
  const db = await getDb();
  const customer = (await findBillingCustomer(db, { workspaceId: input.accountId })) ?? {
    stripeCustomerId: null,
    card: null,
    subscriptionId: null,
    status: "none" as const,
  };
  const isEnabled = isStripeConfigured();
  const stripe = isEnabled && customer.stripeCustomerId ? getStripe() : undefined;
  const preview =
    stripe && customer.subscriptionId && customer.status !== "canceled" && customer.stripeCustomerId
      ? await stripe.invoices.createPreview({
          customer: customer.stripeCustomerId,
          subscription: customer.subscriptionId,
        })
      : undefined;
  const now = input.now ?? new Date();
  const firstLine = preview?.lines.data[0];
  const from = firstLine ? new Date(firstLine.period.start * 1000) : startOfUtcMonth(now);
  const to = firstLine ? new Date(firstLine.period.end * 1000) : new Date(now.getTime() + 1);
  const usage = await sumUsageInPeriod(db, { workspaceId: input.accountId, from, to });
  const priceLines = currentPriceLines();
  const stripeByKey = new Map<string, { quantity: number; cents: number }>();
  if (preview) {
    const prices = await stripePriceKeys(stripe as Stripe, preview.lines.data);
    for (const line of preview.lines.data) {
      const key = prices.get(idOf(line.pricing?.price_details?.price) ?? "") ?? "unknown";
      const seen = stripeByKey.get(key) ?? { quantity: 0, cents: 0 };
      stripeByKey.set(key, {
        quantity: seen.quantity + (line.quantity ?? 0),
        cents: seen.cents + line.amount,
      });
    }
  }
  const lines: ReconciledLine[] = [];
  for (const price of priceLines) {
    let sent = 0;
    let pending = 0;
    for (const row of usage) {
      if (!isBillableKind(row.kind) || billingLineOf(row.kind, row.modelId).eventName !== price.key) continue;
      if (row.isReported) sent += row.quantity;
      else pending += row.quantity;
    }
    const onStripe = stripeByKey.get(price.key);
    if (sent === 0 && pending === 0 && !onStripe?.quantity) continue;
    const ledgerCents = amountCentsOf(price, sent);
    lines.push({
      key: price.key,
      label: price.displayName,
      unit: price.kind === "storage_byte_hours" ? "GB-hours" : "tokens",
      price: price.display,
      ledgerQuantity: displayQuantity(price, sent),
      ledgerCents,
      pendingQuantity: displayQuantity(price, pending),
      stripeQuantity: preview ? displayQuantity(price, onStripe?.quantity ?? 0) : null,
      stripeCents: preview ? (onStripe?.cents ?? 0) : null,
      isMatch: preview ? (onStripe?.quantity ?? 0) === sent && (onStripe?.cents ?? 0) === ledgerCents : null,
    });
  }
  const invoices =
    stripe && customer.stripeCustomerId
      ? (await stripe.invoices.list({ customer: customer.stripeCustomerId, limit: 12 })).data.map(
          (invoice): PastInvoice => ({
            id: invoice.id ?? "",
            number: invoice.number,
            status: invoice.status,
            amountCents: invoice.amount_due,
            periodStart: new Date(invoice.period_start * 1000).toISOString(),
            periodEnd: new Date(invoice.period_end * 1000).toISOString(),
            hostedUrl: invoice.hosted_invoice_url ?? null,
            pdfUrl: invoice.invoice_pdf ?? null,
          }),
        )
      : [];
  const card = customer.card && {
    brand: customer.card.brand,
    last4: customer.card.last4,
    expMonth: customer.card.expMonth,
    expYear: customer.card.expYear,
  };
  return {
    isEnabled,
    card,
    status: customer.status,
    hasSubscription: Boolean(preview),
    periodStart: from.toISOString(),
    periodEnd: to.toISOString(),
    lines,
    ledgerTotalCents: lines.reduce((sum, l) => sum + l.ledgerCents, 0),
    stripeTotalCents: preview ? preview.total : null,
    invoices,
  };
}

/** Price id → line key (the price's lookup key), for the prices on the preview. */
async function stripePriceKeys(stripe: Stripe, lines: Stripe.InvoiceLineItem[]) {
  const keys = new Map<string, string>();
  const ids = new Set(
    lines.map((l) => idOf(l.pricing?.price_details?.price)).filter((id) => id !== undefined),
  );
  for (const id of ids) {
    const price = await stripe.prices.retrieve(id);
    // The product id is the line key too, and survives a lookup key handed on to a newer price.
    keys.set(id, typeof price.product === "string" ? price.product : price.product.id);
  }
  return keys;
}
