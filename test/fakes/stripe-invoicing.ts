import { type Params, StripeHttpError, type StripeObject } from "./stripe-protocol";

/**
 * Invoicing in the fake Stripe: a metered line's quantity is the sum of the meter's events of the customer in the
 * period; its amount is Σ tier units × `unit_amount_decimal` (cents), rounded half-up to a cent once per line,
 * computed with BigInt fixed-point independently of the app's Decimal arithmetic. Advancing a test clock bills
 * every ended period, finalises the invoice and charges the default card, sending the webhooks Stripe sends.
 */
export interface BillingState {
  products: Map<string, StripeObject>;
  prices: Map<string, StripeObject>;
  subscriptions: Map<string, StripeObject>;
  invoices: Map<string, StripeObject>;
  testClocks: Map<string, StripeObject>;
  /** Customers whose next invoice payment fails (as a card that declines would). */
  failingCustomers: Set<string>;
}

export interface BillingContext {
  origin: () => string;
  newId: (prefix: string) => string;
  customers: Map<string, StripeObject>;
  paymentMethods: Map<string, StripeObject>;
  meters: Map<string, StripeObject>;
  meterEvents: Map<string, StripeObject>;
  sendEvent: (type: string, object: StripeObject) => Promise<unknown>;
}

const SCALE = 10n ** 12n;
export function toFixed12(decimal: string): bigint {
  const [whole = "0", fraction = ""] = decimal.split(".");
  if (fraction.length > 12)
    throw new StripeHttpError(400, {
      type: "invalid_request_error",
      message: `Invalid decimal: ${decimal} has more than 12 decimal places`,
    });
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(12, "0"));
}

export function lineAmountCents(price: StripeObject, quantity: number): number {
  const tiers = (price.tiers as { up_to: number | null; unit_amount_decimal: string }[] | null) ?? [
    { up_to: null, unit_amount_decimal: String(price.unit_amount_decimal ?? "0") },
  ];
  let rest = BigInt(quantity);
  let floor = 0n;
  let total = 0n;
  for (const tier of tiers) {
    if (rest <= 0n) break;
    const cap = tier.up_to === null ? rest : BigInt(tier.up_to) - floor;
    const units = rest < cap ? rest : cap;
    total += units * toFixed12(tier.unit_amount_decimal);
    rest -= units;
    if (tier.up_to !== null) floor = BigInt(tier.up_to);
  }
  return Number((total + SCALE / 2n) / SCALE);
}

export const addMonth = (seconds: number) => {
  const d = new Date(seconds * 1000);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / 1000);
};
export const list = (data: unknown[], url: string) => ({ object: "list", data, has_more: false, url });

export const periodOf = (sub: StripeObject) => {
  const [item] = (sub.items as { data: StripeObject[] }).data;
  return { start: Number(item?.current_period_start), end: Number(item?.current_period_end) };
};

export function createInvoicing(ctx: BillingContext, state: BillingState) {
  function invoiceLines(sub: StripeObject, invoiceId: string, start: number, end: number) {
    const items = (sub.items as { data: StripeObject[] }).data;
    return items.map((item) => {
      const price = state.prices.get(String((item.price as StripeObject).id)) as StripeObject;
      const recurring = price.recurring as Params;
      const meter = ctx.meters.get(String(recurring.meter));
      let quantity = 0;
      for (const event of ctx.meterEvents.values()) {
        const payload = event.payload as Params;
        const at = Number(event.timestamp);
        if (
          event.event_name === meter?.event_name &&
          payload.stripe_customer_id === sub.customer &&
          at >= start &&
          at < end
        )
          quantity += Number(payload.value);
      }
      const amount = lineAmountCents(price, quantity);
      const product = state.products.get(String(price.product));
      return {
        id: ctx.newId("il"),
        object: "line_item",
        amount,
        subtotal: amount,
        currency: price.currency,
        description: `${quantity} × ${String(product?.name ?? price.product)}`,
        invoice: invoiceId,
        livemode: false,
        metadata: {},
        period: { start, end },
        pricing: {
          type: "price_details",
          price_details: { price: price.id, product: price.product },
          unit_amount_decimal: price.tiers ? null : price.unit_amount_decimal,
        },
        quantity,
        subscription: sub.id,
        parent: {
          type: "subscription_item_details",
          subscription_item_details: { subscription: sub.id, subscription_item: item.id, proration: false },
          invoice_item_details: null,
        },
      };
    });
  }

  function buildInvoice(sub: StripeObject, id: string, start: number, end: number): StripeObject {
    const lines = invoiceLines(sub, id, start, end);
    const total = lines.reduce((sum, l) => sum + l.amount, 0);
    return {
      id,
      object: "invoice",
      customer: sub.customer,
      currency: "usd",
      status: "draft",
      billing_reason: "subscription_cycle",
      collection_method: "charge_automatically",
      lines: list(lines, `/v1/invoices/${id}/lines`),
      subtotal: total,
      total,
      amount_due: total,
      amount_paid: 0,
      amount_remaining: total,
      period_start: start,
      period_end: end,
      created: end,
      number: null,
      hosted_invoice_url: null,
      invoice_pdf: null,
      attempt_count: 0,
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: sub.id, metadata: sub.metadata ?? {} },
        quote_details: null,
      },
      livemode: false,
    };
  }

  /** Bills every period of the clock's subscriptions that ended by its new time, in order, with webhooks. */
  async function advanceClock(clock: StripeObject) {
    const frozen = Number(clock.frozen_time);
    for (const sub of state.subscriptions.values()) {
      if (ctx.customers.get(String(sub.customer))?.test_clock !== clock.id || sub.status === "canceled")
        continue;
      for (let period = periodOf(sub); period.end <= frozen; period = periodOf(sub)) {
        const invoice = buildInvoice(sub, ctx.newId("in"), period.start, period.end);
        const count = [...state.invoices.values()].filter((i) => i.customer === sub.customer).length;
        Object.assign(invoice, {
          status: "open",
          number: `FAKE-${String(count + 1).padStart(4, "0")}`,
          hosted_invoice_url: `${ctx.origin()}/invoices/${invoice.id}`,
          invoice_pdf: `${ctx.origin()}/invoices/${invoice.id}/pdf`,
          attempt_count: 1,
        });
        state.invoices.set(invoice.id, invoice);
        for (const item of (sub.items as { data: StripeObject[] }).data)
          Object.assign(item, { current_period_start: period.end, current_period_end: addMonth(period.end) });
        sub.latest_invoice = invoice.id;
        await ctx.sendEvent("invoice.finalized", invoice);
        const customer = ctx.customers.get(String(sub.customer));
        const card = (customer?.invoice_settings as Params | undefined)?.default_payment_method;
        const fails =
          Number(invoice.amount_due) > 0 && (!card || state.failingCustomers.delete(String(sub.customer)));
        if (fails) {
          sub.status = "past_due";
          await ctx.sendEvent("invoice.payment_failed", invoice);
          await ctx.sendEvent("customer.subscription.updated", sub);
        } else {
          Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0 });
          await ctx.sendEvent("invoice.paid", invoice);
          if (sub.status !== "active") {
            sub.status = "active";
            await ctx.sendEvent("customer.subscription.updated", sub);
          }
        }
      }
    }
    clock.status = "ready";
  }
  return { buildInvoice, advanceClock };
}
