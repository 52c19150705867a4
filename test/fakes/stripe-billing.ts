import { randomBytes } from "node:crypto";
import {
  addMonth,
  type BillingContext,
  type BillingState,
  createInvoicing,
  list,
  periodOf,
  toFixed12,
} from "./stripe-invoicing";
import { missing, type Params, StripeHttpError, type StripeObject } from "./stripe-protocol";

export type { BillingState } from "./stripe-invoicing";
export { lineAmountCents } from "./stripe-invoicing";

/**
 * The billing half of the fake Stripe: products, metered prices (`recurring[meter]`, per-unit or graduated tiers
 * with `unit_amount_decimal`), subscriptions whose items carry `current_period_start|end`, invoice previews
 * (`POST /v1/invoices/create_preview`), invoices (list, retrieve, hosted page and PDF), test clocks
 * (`POST /v1/test_helpers/test_clocks/:id/advance` bills every ended period of the clock's customers: the invoice
 * is finalised and paid with the default card, and `invoice.finalized` and `invoice.paid` — or
 * `invoice.payment_failed` and `customer.subscription.updated` with `past_due` — are sent signed), and billing
 * portal sessions. A line's amount is Σ tier units × `unit_amount_decimal` (cents), rounded half-up to a cent once
 * per line, computed here with BigInt fixed-point independently of the app's Decimal arithmetic.
 */

const badRequest = (message: string, param?: string) =>
  new StripeHttpError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });

export function createBillingRoutes(ctx: BillingContext) {
  const state: BillingState = {
    products: new Map(),
    prices: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    testClocks: new Map(),
    failingCustomers: new Set(),
  };
  const realNow = () => Math.floor(Date.now() / 1000);
  const clockNow = (customerId: string) => {
    const clock = ctx.customers.get(customerId)?.test_clock;
    return clock ? Number(state.testClocks.get(String(clock))?.frozen_time ?? realNow()) : realNow();
  };
  const expanded = (params: Params) => (params.expand as string[] | undefined) ?? [];
  const priceView = (price: StripeObject, withTiers: boolean) => {
    const { tiers, ...rest } = price;
    return withTiers ? { ...rest, tiers } : rest;
  };

  const { buildInvoice, advanceClock } = createInvoicing(ctx, state);

  function route(method: string, segments: string[], params: Params): { body: unknown } | undefined {
    const [, resource, id, sub, action] = segments;
    if (resource === "products") {
      if (!id && method === "POST") {
        const productId = String(params.id ?? ctx.newId("prod"));
        if (state.products.has(productId))
          throw new StripeHttpError(400, {
            type: "invalid_request_error",
            code: "resource_already_exists",
            message: `Product already exists.`,
          });
        const product = {
          id: productId,
          object: "product",
          name: params.name,
          active: true,
          metadata: params.metadata ?? {},
          created: realNow(),
          livemode: false,
        };
        state.products.set(productId, product);
        return { body: product };
      }
      const product = id ? state.products.get(id) : undefined;
      if (!product) throw missing("product", String(id));
      if (method === "POST" && params.name) product.name = params.name;
      return { body: product };
    }
    if (resource === "prices") {
      if (!id && method === "GET") {
        const keys = params.lookup_keys as string[] | undefined;
        const data = [...state.prices.values()].filter(
          (p) =>
            (!keys || keys.includes(String(p.lookup_key))) &&
            (params.active === undefined || String(p.active) === params.active),
        );
        return {
          body: list(
            data.map((p) => priceView(p, expanded(params).includes("data.tiers"))),
            "/v1/prices",
          ),
        };
      }
      if (!id && method === "POST") return { body: createPrice(params) };
      const price = id ? state.prices.get(id) : undefined;
      if (!price) throw missing("price", String(id));
      return { body: priceView(price, expanded(params).includes("tiers")) };
    }
    if (resource === "subscriptions") {
      if (!id && method === "POST") return { body: createSubscription(params) };
      if (!id && method === "GET") {
        const data = [...state.subscriptions.values()].filter(
          (s) =>
            (!params.customer || s.customer === params.customer) &&
            (params.status === "all" || s.status !== "canceled"),
        );
        return { body: list(data, "/v1/subscriptions") };
      }
      const found = id ? state.subscriptions.get(id) : undefined;
      if (!found) throw missing("subscription", String(id));
      if (method === "DELETE") {
        Object.assign(found, { status: "canceled", canceled_at: realNow(), ended_at: realNow() });
        void ctx.sendEvent("customer.subscription.deleted", found);
      }
      return { body: found };
    }
    if (resource === "invoices") {
      if (id === "create_preview" && method === "POST") {
        const subscription = state.subscriptions.get(String(params.subscription ?? ""));
        if (!subscription || subscription.customer !== params.customer)
          throw badRequest("No upcoming invoices for customer", "subscription");
        const { start, end } = periodOf(subscription);
        return {
          body: {
            ...buildInvoice(subscription, `upcoming_in_${randomBytes(8).toString("hex")}`, start, end),
            created: clockNow(String(subscription.customer)),
          },
        };
      }
      if (!id && method === "GET") {
        const data = [...state.invoices.values()]
          .filter((i) => !params.customer || i.customer === params.customer)
          .sort((a, b) => Number(b.created) - Number(a.created))
          .slice(0, Number(params.limit ?? 10));
        return { body: list(data, "/v1/invoices") };
      }
      const invoice = id ? state.invoices.get(id) : undefined;
      if (!invoice) throw missing("invoice", String(id));
      return { body: invoice };
    }
    if (resource === "test_helpers" && id === "test_clocks") {
      if (!sub && method === "POST") {
        const clock = {
          id: ctx.newId("clock"),
          object: "test_helpers.test_clock",
          frozen_time: Number(params.frozen_time),
          name: params.name ?? null,
          status: "ready",
          created: realNow(),
          deletes_after: realNow() + 30 * 86400,
          livemode: false,
        };
        state.testClocks.set(clock.id, clock);
        return { body: clock };
      }
      const clock = sub ? state.testClocks.get(sub) : undefined;
      if (!clock) throw missing("test_helpers.test_clock", String(sub));
      if (action === "advance" && method === "POST") {
        const to = Number(params.frozen_time);
        if (!(to > Number(clock.frozen_time)))
          throw badRequest("frozen_time must be later than the current time", "frozen_time");
        Object.assign(clock, { frozen_time: to, status: "advancing" });
        // As on Stripe, advancing is asynchronous: poll the clock until `ready`; webhooks arrive meanwhile.
        setImmediate(
          () => void advanceClock(clock).catch(() => Object.assign(clock, { status: "internal_failure" })),
        );
      }
      return { body: clock };
    }
    if (resource === "billing_portal" && id === "sessions" && method === "POST") {
      if (!ctx.customers.has(String(params.customer))) throw missing("customer", String(params.customer));
      const portal = {
        id: ctx.newId("bps"),
        object: "billing_portal.session",
        customer: params.customer,
        return_url: params.return_url ?? null,
        created: realNow(),
        livemode: false,
        url: "",
      };
      portal.url = `${ctx.origin()}/portal/${portal.id}`;
      portals.set(portal.id, portal);
      return { body: portal };
    }
    return undefined;
  }
  const portals = new Map<string, StripeObject>();

  function createPrice(params: Params): StripeObject {
    if (!state.products.has(String(params.product))) throw missing("product", String(params.product));
    const recurring = (params.recurring ?? {}) as Params;
    if (recurring.usage_type === "metered" && !ctx.meters.has(String(recurring.meter)))
      throw badRequest("Metered prices need an existing meter", "recurring[meter]");
    const lookupKey = params.lookup_key ? String(params.lookup_key) : null;
    const holder = [...state.prices.values()].find((p) => lookupKey && p.lookup_key === lookupKey);
    if (holder && params.transfer_lookup_key !== "true")
      throw badRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, "lookup_key");
    if (holder) holder.lookup_key = null;
    const tiers =
      params.billing_scheme === "tiered"
        ? (params.tiers as Params[]).map((t) => ({
            up_to: t.up_to === "inf" ? null : Number(t.up_to),
            unit_amount_decimal: String(t.unit_amount_decimal ?? "0"),
            unit_amount: null,
            flat_amount: null,
            flat_amount_decimal: null,
          }))
        : null;
    if (!tiers) toFixed12(String(params.unit_amount_decimal ?? "0"));
    const price: StripeObject = {
      id: ctx.newId("price"),
      object: "price",
      active: true,
      currency: params.currency,
      product: params.product,
      lookup_key: lookupKey,
      nickname: params.nickname ?? null,
      billing_scheme: params.billing_scheme ?? "per_unit",
      tiers_mode: params.tiers_mode ?? null,
      tiers,
      unit_amount_decimal: tiers ? null : String(params.unit_amount_decimal),
      unit_amount: null,
      recurring: {
        interval: recurring.interval,
        interval_count: Number(recurring.interval_count ?? 1),
        usage_type: recurring.usage_type ?? "licensed",
        meter: recurring.meter ?? null,
        trial_period_days: null,
      },
      type: "recurring",
      metadata: params.metadata ?? {},
      created: realNow(),
      livemode: false,
    };
    state.prices.set(price.id, price);
    return priceView(price, false) as StripeObject;
  }

  function createSubscription(params: Params): StripeObject {
    const customer = String(params.customer ?? "");
    if (!ctx.customers.has(customer)) throw missing("customer", customer);
    const start = clockNow(customer);
    const id = ctx.newId("sub");
    const items = ((params.items as Params[] | undefined) ?? []).map((item) => {
      const price = state.prices.get(String(item.price));
      if (!price) throw missing("price", String(item.price));
      return {
        id: ctx.newId("si"),
        object: "subscription_item",
        price: priceView(price, false),
        subscription: id,
        current_period_start: start,
        current_period_end: addMonth(start),
        created: start,
        metadata: {},
      };
    });
    if (items.length === 0 || items.length > 20)
      throw badRequest("A subscription needs 1 to 20 items", "items");
    const subscription: StripeObject = {
      id,
      object: "subscription",
      customer,
      status: "active",
      collection_method: params.collection_method ?? "charge_automatically",
      currency: "usd",
      items: list(items, `/v1/subscription_items?subscription=${id}`),
      billing_cycle_anchor: start,
      start_date: start,
      created: start,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      latest_invoice: null,
      test_clock: ctx.customers.get(customer)?.test_clock ?? null,
      metadata: params.metadata ?? {},
      livemode: false,
    };
    state.subscriptions.set(id, subscription);
    void ctx.sendEvent("customer.subscription.created", subscription);
    return subscription;
  }

  /** Hosted pages: the invoice (HTML and PDF) and the billing portal. */
  function hostedPage(pathname: string): { type: string; body: string } | undefined {
    const invoice = pathname.match(/^\/invoices\/([\w-]+)(\/pdf)?$/);
    if (invoice?.[1]) {
      const found = state.invoices.get(invoice[1]);
      if (!found) return undefined;
      const text = `Invoice ${String(found.number)} · ${String(found.status)} · ${(Number(found.amount_due) / 100).toFixed(2)} USD`;
      if (invoice[2]) {
        const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
        return {
          type: "application/pdf",
          body: `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj 4 0 obj<</Length ${stream.length}>>stream\n${stream}\nendstream endobj 5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
        };
      }
      return {
        type: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en"><head><title>${text}</title></head><body><h1>${text}</h1></body></html>`,
      };
    }
    const portal = pathname.match(/^\/portal\/([\w-]+)$/);
    if (portal?.[1]) {
      const found = portals.get(portal[1]);
      if (!found) return undefined;
      const customer = ctx.customers.get(String(found.customer));
      const pm = ctx.paymentMethods.get(
        String((customer?.invoice_settings as Params | undefined)?.default_payment_method),
      );
      const card = pm?.card as { brand: string; last4: string } | undefined;
      const shown = card
        ? `${card.brand[0]?.toUpperCase()}${card.brand.slice(1)} •••• ${card.last4}`
        : "none";
      return {
        type: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en"><head><title>Billing portal · Fake Stripe</title></head><body><h1>Manage billing</h1><p>Payment method: ${shown}</p><form method="post" action="/portal/${found.id}/card"><button type="submit">Use a new card (Mastercard •••• 4444)</button></form><p><a href="${String(found.return_url ?? "/")}">Return to Tracepipe</a></p></body></html>`,
      };
    }
    return undefined;
  }

  const portalCustomer = (id: string) => {
    const portal = portals.get(id);
    return portal ? String(portal.customer) : undefined;
  };

  return { state, route, hostedPage, portalCustomer };
}
