import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { type BillingState, createBillingRoutes } from "./stripe-billing";
import {
  missing,
  type Params,
  parseStripeForm,
  StripeHttpError,
  type StripeObject,
  signStripePayload,
} from "./stripe-protocol";

export { parseStripeForm, signStripePayload };

/**
 * A local stand-in for Stripe, speaking the REST protocol of the `stripe` SDK (v23) for exactly the calls
 * Tracepipe makes: `Authorization: Bearer sk_test_…`, form-encoded bodies and queries in Stripe's bracket notation
 * (`a[b]=1`, `expand[0]=x`), `Idempotency-Key` replays (`Idempotent-Replayed: true`; other parameters under the
 * same key → 400 `idempotency_error`), Stripe-shaped objects and `{error: {type, code, message, param}}` errors.
 *
 * - `POST /v1/customers`, `GET|POST /v1/customers/:id` (`invoice_settings[default_payment_method]`)
 * - `POST /v1/checkout/sessions` (mode `setup`) → `url` of a hosted page here, `/pay/:id`, with a "Save card"
 *   button: it creates a card PaymentMethod and a succeeded SetupIntent, POSTs a signed
 *   `checkout.session.completed` webhook (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`) to the app
 *   and redirects to `success_url`
 * - `GET /v1/setup_intents/:id` (`expand[]=payment_method`)
 * - `GET|POST /v1/billing/meters`, `POST /v1/billing/meter_events` (deduplicated by `identifier`, as Stripe does)
 * - products, metered prices, subscriptions, invoice previews, invoices, test clocks and billing portal sessions
 *   (`stripe-billing.ts`); customers take `test_clock` and are listed by `email`
 *
 * Run as a script it serves on STRIPE_FAKE_PORT with STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and
 * STRIPE_FAKE_WEBHOOK_URL from the environment (Playwright's webServer does this).
 */
export interface FakeStripe {
  /** Value for STRIPE_API_BASE. */
  url: string;
  secretKey: string;
  webhookSecret: string;
  customers: Map<string, StripeObject>;
  meters: Map<string, StripeObject>;
  /** Accepted meter events by identifier (a re-sent identifier is not counted twice). */
  meterEvents: Map<string, StripeObject>;
  /** Every meter event request received, duplicates included. */
  meterEventRequests: number;
  /** After `successes` more accepted meter events, fails the next one with a 500 that the SDK does not retry. */
  failMeterEventAfter(successes: number): void;
  /** Completes a setup-mode session as the hosted page's "Save card" does; returns the webhook response status. */
  completeCheckout(sessionId: string): Promise<number>;
  /** Products, prices, subscriptions, invoices and test clocks. */
  billing: BillingState;
  /** The Billing Portal's "Use a new card" (Mastercard 4444); returns the webhook response status. */
  changeCardInPortal(portalSessionId: string): Promise<number>;
  /** The customer's next invoice payment fails, as a declining card would. */
  failNextPayment(customerId: string): void;
  /** Signs and POSTs an event to the webhook URL; returns the event and the response status. */
  sendEvent(type: string, object: StripeObject): Promise<{ event: StripeObject; status: number }>;
  close(): Promise<void>;
}

export async function startFakeStripe(
  options: { port?: number; secretKey?: string; webhookSecret?: string; webhookUrl?: string } = {},
): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? `sk_test_fake${randomBytes(12).toString("hex")}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(16).toString("hex")}`;
  const now = () => Math.floor(Date.now() / 1000);
  const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;
  const customers = new Map<string, StripeObject>();
  const sessions = new Map<string, StripeObject>();
  const setupIntents = new Map<string, StripeObject>();
  const paymentMethods = new Map<string, StripeObject>();
  const meters = new Map<string, StripeObject>();
  const meterEvents = new Map<string, StripeObject>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
  let meterEventsBeforeFailure = -1;
  let origin = "";

  const fake: FakeStripe = {
    url: "",
    secretKey,
    webhookSecret,
    customers,
    meters,
    meterEvents,
    meterEventRequests: 0,
    failMeterEventAfter: (successes) => {
      meterEventsBeforeFailure = successes;
    },
    completeCheckout: async (sessionId) => (await completeCheckout(sessionId)).status,
    get billing() {
      return billing.state;
    },
    changeCardInPortal: async (portalSessionId) => (await changeCardInPortal(portalSessionId)).status,
    failNextPayment: (customerId) => {
      billing.state.failingCustomers.add(customerId);
    },
    sendEvent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function sendEvent(type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) {
    if (!options.webhookUrl) throw new Error("fake Stripe has no webhook URL");
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: now(),
      data: { object, ...(previousAttributes ? { previous_attributes: previousAttributes } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    const payload = JSON.stringify(event, null, 2);
    const response = await fetch(options.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": signStripePayload(webhookSecret, payload),
      },
      body: payload,
    });
    return { event, status: response.status };
  }

  const billing = createBillingRoutes({
    origin: () => origin,
    newId,
    customers,
    paymentMethods,
    meters,
    meterEvents,
    // Events nobody listens for (no webhook URL in a unit test) go nowhere, as with no endpoint configured.
    sendEvent: async (type, object) => (options.webhookUrl ? sendEvent(type, object) : undefined),
  });

  function createCard(customer: string, brand: string, last4: string): StripeObject {
    const method: StripeObject = {
      id: newId("pm"),
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
    const customerId = billing.portalCustomer(portalId);
    const customer = customerId ? customers.get(customerId) : undefined;
    if (!customer) throw missing("billing_portal.session", portalId);
    const previous = customer.invoice_settings;
    customer.invoice_settings = { default_payment_method: createCard(customer.id, "mastercard", "4444").id };
    return sendEvent("customer.updated", customer, { invoice_settings: previous });
  }

  async function completeCheckout(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw missing("checkout.session", sessionId);
    const method = createCard(String(session.customer), "visa", "4242");
    const intent = setupIntents.get(String(session.setup_intent));
    if (intent) Object.assign(intent, { status: "succeeded", payment_method: method.id });
    Object.assign(session, { status: "complete" });
    return sendEvent("checkout.session.completed", session);
  }

  function route(method: string, path: string, params: Params): { status?: number; body: unknown } {
    const segments = path.split("/").filter(Boolean);
    const [v1, resource, id, sub] = segments;
    if (v1 !== "v1")
      throw new StripeHttpError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${path})`,
      });
    if (resource === "customers" && !id && method === "POST") {
      const customer: StripeObject = {
        id: newId("cus"),
        object: "customer",
        created: now(),
        email: params.email ?? null,
        name: params.name ?? null,
        metadata: params.metadata ?? {},
        invoice_settings: { default_payment_method: null },
        test_clock: params.test_clock ?? null,
        livemode: false,
      };
      if (params.test_clock && !billing.state.testClocks.has(String(params.test_clock)))
        throw missing("test_helpers.test_clock", String(params.test_clock));
      customers.set(customer.id, customer);
      return { body: customer };
    }
    if (resource === "customers" && !id && method === "GET") {
      const data = [...customers.values()].filter((c) => !params.email || c.email === params.email);
      return { body: { object: "list", data, has_more: false, url: "/v1/customers" } };
    }
    if (resource === "customers" && id) {
      const customer = customers.get(id);
      if (!customer) throw missing("customer", id);
      if (method === "POST") {
        const settings = params.invoice_settings as Params | undefined;
        if (settings?.default_payment_method !== undefined) {
          const pm = String(settings.default_payment_method);
          if (!paymentMethods.has(pm)) throw missing("PaymentMethod", pm);
          customer.invoice_settings = { default_payment_method: pm };
        }
      }
      return { body: customer };
    }
    if (resource === "checkout" && id === "sessions" && method === "POST") {
      if (params.mode !== "setup")
        throw new StripeHttpError(400, {
          type: "invalid_request_error",
          message: "This fake supports mode=setup only",
          param: "mode",
        });
      for (const field of ["success_url", "currency"]) {
        if (!params[field])
          throw new StripeHttpError(400, {
            type: "invalid_request_error",
            code: "parameter_missing",
            message: `Missing required param: ${field}.`,
            param: field,
          });
      }
      const customer = String(params.customer ?? "");
      if (!customers.has(customer)) throw missing("customer", customer);
      const intent: StripeObject = {
        id: newId("seti"),
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
      session.url = `${origin}/pay/${session.id}`;
      sessions.set(session.id, session);
      return { body: session };
    }
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
    if (resource === "billing" && id === "meters" && !sub) {
      if (method === "GET") {
        const data = [...meters.values()].filter((m) => !params.status || m.status === params.status);
        return { body: { object: "list", data, has_more: false, url: "/v1/billing/meters" } };
      }
      const meter: StripeObject = {
        id: newId("mtr"),
        object: "billing.meter",
        display_name: params.display_name,
        event_name: params.event_name,
        default_aggregation: params.default_aggregation,
        customer_mapping: params.customer_mapping,
        value_settings: params.value_settings,
        status: "active",
        created: now(),
        livemode: false,
      };
      meters.set(meter.id, meter);
      return { body: meter };
    }
    if (resource === "billing" && id === "meter_events" && method === "POST") {
      fake.meterEventRequests++;
      if (meterEventsBeforeFailure === 0) {
        meterEventsBeforeFailure = -1;
        throw new StripeHttpError(500, { type: "api_error", message: "Injected failure" });
      }
      const payload = (params.payload ?? {}) as Params;
      if (!payload.stripe_customer_id || !/^\d+$/.test(String(payload.value))) {
        throw new StripeHttpError(400, {
          type: "invalid_request_error",
          message: "payload needs stripe_customer_id and a whole number value",
          param: "payload",
        });
      }
      const identifier = String(params.identifier ?? newId("mev"));
      const event = meterEvents.get(identifier) ?? {
        id: identifier,
        object: "billing.meter_event",
        event_name: params.event_name,
        identifier,
        payload,
        timestamp: Number(params.timestamp ?? now()),
        created: now(),
        livemode: false,
      };
      meterEvents.set(identifier, event);
      if (meterEventsBeforeFailure > 0) meterEventsBeforeFailure--;
      return { body: event };
    }
    const handled = billing.route(method, segments, params);
    if (handled) return handled;
    throw new StripeHttpError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path})`,
    });
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers });
      res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
    };
    try {
      if (url.pathname === "/health") return send(200, { ok: true });
      const pay = url.pathname.match(/^\/pay\/([\w-]+)(\/confirm)?$/);
      if (pay?.[1]) return await hostedCheckout(pay[1], Boolean(pay[2]), req.method ?? "GET", res);
      const portalCard = url.pathname.match(/^\/portal\/([\w-]+)\/card$/);
      if (portalCard?.[1] && req.method === "POST") {
        const delivered = await changeCardInPortal(portalCard[1]);
        res.writeHead(delivered.status >= 300 ? 502 : 303, { location: `/portal/${portalCard[1]}` }).end();
        return;
      }
      const hosted = billing.hostedPage(url.pathname);
      if (hosted) {
        res.writeHead(200, { "content-type": hosted.type }).end(hosted.body);
        return;
      }
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
      }
      const params = parseStripeForm(
        req.method === "GET" || req.method === "DELETE" ? url.search.slice(1) : body,
      );
      const key = req.headers["idempotency-key"];
      const fingerprint = createHash("sha256").update(`${req.method} ${url.pathname} ${body}`).digest("hex");
      if (typeof key === "string" && req.method === "POST") {
        const stored = idempotent.get(key);
        if (stored && stored.fingerprint !== fingerprint) {
          return send(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
            },
          });
        }
        if (stored)
          return send(stored.status, stored.body, { "idempotent-replayed": "true", "idempotency-key": key });
      }
      const result = route(req.method ?? "GET", url.pathname, params);
      const text = JSON.stringify(result.body);
      if (typeof key === "string" && req.method === "POST")
        idempotent.set(key, { fingerprint, status: 200, body: text });
      return send(result.status ?? 200, text);
    } catch (error) {
      if (error instanceof StripeHttpError) {
        // 500s from this fake are injected failures: tell the SDK not to retry them, so tests see them at once.
        return send(
          error.status,
          { error: error.body },
          error.status >= 500 ? { "stripe-should-retry": "false" } : {},
        );
      }
      return send(
        500,
        { error: { type: "api_error", message: String(error) } },
        { "stripe-should-retry": "false" },
      );
    }
  });

  async function hostedCheckout(id: string, confirm: boolean, method: string, res: http.ServerResponse) {
    const session = sessions.get(id);
    if (!session) {
      res.writeHead(404, { "content-type": "text/plain" }).end("No such checkout session");
      return;
    }
    if (confirm && method === "POST") {
      const delivered = await completeCheckout(id);
      if (delivered.status >= 300) {
        res.writeHead(502, { "content-type": "text/plain" }).end(`webhook answered ${delivered.status}`);
        return;
      }
      res.writeHead(303, { location: String(session.success_url) }).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><title>Set up a card · Fake Stripe Checkout</title></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 4rem auto">
<h1>Save a card for future payments</h1>
<p>Test card: Visa •••• 4242</p>
<form method="post" action="/pay/${id}/confirm"><button type="submit">Save card</button></form>
<p><a href="${String(session.cancel_url ?? "/")}">Cancel</a></p>
</body></html>`);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = origin;
  return fake;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeStripe({
    port: Number(process.env.STRIPE_FAKE_PORT ?? 12111),
    secretKey: process.env.STRIPE_SECRET_KEY,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
    webhookUrl: process.env.STRIPE_FAKE_WEBHOOK_URL,
  });
  process.stdout.write(`fake Stripe on ${fake.url}\n`);
}
