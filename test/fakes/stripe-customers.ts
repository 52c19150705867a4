import { randomBytes } from "node:crypto";
import { missing, type Params, StripeHttpError, type StripeObject } from "./stripe-protocol";

/**
 * Customers and cards: `POST /v1/customers` (takes `test_clock`), `GET /v1/customers?email=`, `GET|POST
 * /v1/customers/:id` (`invoice_settings[default_payment_method]`), setup-mode Checkout Sessions (`POST
 * /v1/checkout/sessions` → `url` of the hosted page `/pay/:id`), `GET /v1/setup_intents/:id`
 * (`expand[]=payment_method`) and `GET /v1/payment_methods/:id`. Completing a checkout creates a Visa 4242 and
 * POSTs `checkout.session.completed`; the portal's "Use a new card" a Mastercard 4444 and `customer.updated`.
 */
export interface CustomerContext {
  origin(): string;
  newId(prefix: string): string;
  hasTestClock(id: string): boolean;
  portalCustomer(portalSessionId: string): string | undefined;
  sendEvent(
    type: string,
    object: StripeObject,
    previousAttributes?: Record<string, unknown>,
  ): Promise<{ event: StripeObject; status: number }>;
}

const required = (params: Params, field: string) => {
  if (!params[field])
    throw new StripeHttpError(400, {
      type: "invalid_request_error",
      code: "parameter_missing",
      message: `Missing required param: ${field}.`,
      param: field,
    });
};

export function createCustomerRoutes(ctx: CustomerContext) {
  const customers = new Map<string, StripeObject>();
  const sessions = new Map<string, StripeObject>();
  const setupIntents = new Map<string, StripeObject>();
  const paymentMethods = new Map<string, StripeObject>();
  const now = () => Math.floor(Date.now() / 1000);

  function createCard(customer: string, brand: string, last4: string): StripeObject {
    const method: StripeObject = {
      id: ctx.newId("pm"),
      object: "payment_method",
      type: "card",
      customer,
      created: now(),
      livemode: false,
      card: { brand, last4, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, funding: "credit" },
    };
    paymentMethods.set(method.id, method);
    return method;
  }

  /** The portal's "Use a new card": a Mastercard becomes the default, announced by `customer.updated`. */
  async function changeCardInPortal(portalId: string) {
    const customerId = ctx.portalCustomer(portalId);
    const customer = customerId ? customers.get(customerId) : undefined;
    if (!customer) throw missing("billing_portal.session", portalId);
    const previous = customer.invoice_settings;
    customer.invoice_settings = { default_payment_method: createCard(customer.id, "mastercard", "4444").id };
    return ctx.sendEvent("customer.updated", customer, { invoice_settings: previous });
  }

  async function completeCheckout(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw missing("checkout.session", sessionId);
    const method = createCard(String(session.customer), "visa", "4242");
    const intent = setupIntents.get(String(session.setup_intent));
    if (intent) Object.assign(intent, { status: "succeeded", payment_method: method.id });
    Object.assign(session, { status: "complete" });
    return ctx.sendEvent("checkout.session.completed", session);
  }

  function createCustomer(params: Params): StripeObject {
    if (params.test_clock && !ctx.hasTestClock(String(params.test_clock)))
      throw missing("test_helpers.test_clock", String(params.test_clock));
    const customer: StripeObject = {
      id: ctx.newId("cus"),
      object: "customer",
      created: now(),
      email: params.email ?? null,
      name: params.name ?? null,
      metadata: params.metadata ?? {},
      invoice_settings: { default_payment_method: null },
      test_clock: params.test_clock ?? null,
      livemode: false,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function createSetupSession(params: Params): StripeObject {
    if (params.mode !== "setup")
      throw new StripeHttpError(400, {
        type: "invalid_request_error",
        message: "This fake supports mode=setup only",
        param: "mode",
      });
    required(params, "success_url");
    required(params, "currency");
    const customer = String(params.customer ?? "");
    if (!customers.has(customer)) throw missing("customer", customer);
    const intent: StripeObject = {
      id: ctx.newId("seti"),
      object: "setup_intent",
      customer,
      status: "requires_payment_method",
      payment_method: null,
      usage: "off_session",
      livemode: false,
    };
    setupIntents.set(intent.id, intent);
    const session: StripeObject = {
      id: `cs_test_${randomBytes(16).toString("hex")}`,
      object: "checkout.session",
      mode: "setup",
      status: "open",
      currency: params.currency,
      customer,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      setup_intent: intent.id,
      success_url: params.success_url,
      cancel_url: params.cancel_url ?? null,
      created: now(),
      livemode: false,
    };
    session.url = `${ctx.origin()}/pay/${session.id}`;
    sessions.set(session.id, session);
    return session;
  }

  function route(method: string, segments: string[], params: Params): { body: unknown } | undefined {
    const [, resource, id] = segments;
    if (resource === "customers" && !id && method === "POST") return { body: createCustomer(params) };
    if (resource === "customers" && !id && method === "GET") {
      const data = [...customers.values()].filter((c) => !params.email || c.email === params.email);
      return { body: { object: "list", data, has_more: false, url: "/v1/customers" } };
    }
    if (resource === "customers" && id) {
      const customer = customers.get(id);
      if (!customer) throw missing("customer", id);
      const settings = params.invoice_settings as Params | undefined;
      if (method === "POST" && settings?.default_payment_method !== undefined) {
        const pm = String(settings.default_payment_method);
        if (!paymentMethods.has(pm)) throw missing("PaymentMethod", pm);
        customer.invoice_settings = { default_payment_method: pm };
      }
      return { body: customer };
    }
    if (resource === "checkout" && id === "sessions" && method === "POST")
      return { body: createSetupSession(params) };
    if (resource === "payment_methods" && id && method === "GET") {
      const found = paymentMethods.get(id);
      if (!found) throw missing("payment_method", id);
      return { body: found };
    }
    if (resource === "setup_intents" && id && method === "GET") {
      const intent = setupIntents.get(id);
      if (!intent) throw missing("setup_intent", id);
      const expand = (params.expand as string[] | undefined) ?? [];
      const pm = intent.payment_method ? paymentMethods.get(String(intent.payment_method)) : null;
      return { body: expand.includes("payment_method") ? { ...intent, payment_method: pm ?? null } : intent };
    }
    return undefined;
  }

  return { customers, sessions, paymentMethods, completeCheckout, changeCardInPortal, route };
}
