import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { type BillingState, createBillingRoutes } from "./stripe-billing";
import { createCustomerRoutes } from "./stripe-customers";
import { createMeterRoutes } from "./stripe-meters";
import { createPaymentIntentRoutes } from "./stripe-payment-intents";
import {
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
 * One module per Stripe resource family, each a `route(method, segments, params)`:
 * - customers, setup-mode Checkout (a hosted page `/pay/:id` whose "Save card" POSTs a signed
 *   `checkout.session.completed`, `Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`), SetupIntents and
 *   PaymentMethods (`stripe-customers.ts`)
 * - Billing Meters and meter events (`stripe-meters.ts`)
 * - PaymentIntents with manual capture, partial capture and cancellation (`stripe-payment-intents.ts`)
 * - products, metered prices, subscriptions, invoice previews, invoices, test clocks and billing portal sessions
 *   (`stripe-billing.ts`)
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
  /** PaymentIntents by id. */
  paymentIntents: Map<string, StripeObject>;
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
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
  let origin = "";

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

  const meters = createMeterRoutes({ newId });
  const customers = createCustomerRoutes({
    origin: () => origin,
    newId,
    hasTestClock: (id) => billing.state.testClocks.has(id),
    portalCustomer: (id) => billing.portalCustomer(id),
    sendEvent,
  });
  const billing = createBillingRoutes({
    origin: () => origin,
    newId,
    customers: customers.customers,
    paymentMethods: customers.paymentMethods,
    meters: meters.meters,
    meterEvents: meters.meterEvents,
    // Events nobody listens for (no webhook URL in a unit test) go nowhere, as with no endpoint configured.
    sendEvent: async (type, object) => (options.webhookUrl ? sendEvent(type, object) : undefined),
  });
  const paymentIntents = createPaymentIntentRoutes({
    newId,
    customers: customers.customers,
    paymentMethods: customers.paymentMethods,
    isFailing: (customerId) => billing.state.failingCustomers.has(customerId),
  });
  const resources = [customers, meters, paymentIntents, billing];

  const fake: FakeStripe = {
    url: "",
    secretKey,
    webhookSecret,
    customers: customers.customers,
    meters: meters.meters,
    meterEvents: meters.meterEvents,
    get meterEventRequests() {
      return meters.counters.requests;
    },
    failMeterEventAfter: meters.failAfter,
    completeCheckout: async (sessionId) => (await customers.completeCheckout(sessionId)).status,
    get billing() {
      return billing.state;
    },
    paymentIntents: paymentIntents.intents,
    changeCardInPortal: async (portalSessionId) =>
      (await customers.changeCardInPortal(portalSessionId)).status,
    failNextPayment: (customerId) => {
      billing.state.failingCustomers.add(customerId);
    },
    sendEvent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function route(method: string, path: string, params: Params): { status?: number; body: unknown } {
    const segments = path.split("/").filter(Boolean);
    if (segments[0] === "v1")
      for (const resource of resources) {
        const handled = resource.route(method, segments, params);
        if (handled) return handled;
      }
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
        const delivered = await customers.changeCardInPortal(portalCard[1]);
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
    const session = customers.sessions.get(id);
    if (!session) {
      res.writeHead(404, { "content-type": "text/plain" }).end("No such checkout session");
      return;
    }
    if (confirm && method === "POST") {
      const delivered = await customers.completeCheckout(id);
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
