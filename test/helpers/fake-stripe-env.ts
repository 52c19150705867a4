import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST } from "@/app/api/stripe/webhook/route";
import { getDb } from "@/db/client";
import { billingMeters, stripeEvents } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { type FakeStripe, startFakeStripe } from "@/test/fakes/stripe-server";

export interface StripeTestEnv {
  stripe: FakeStripe;
  /**
   * The last delivery of an event type the webhook received (raw body, signature, the app's status); the fake
   * also sends events of its own, e.g. on subscription changes, so "the last delivery" would be a race.
   */
  lastDeliveryOf(type: string): { body: string; signature: string; status: number } | undefined;
  /** POSTs a raw body to the app's webhook route with the given signature header. */
  deliver(body: string, signature: string | undefined): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The fake Stripe with the app's webhook route behind a real HTTP listener (Stripe POSTs to a URL), and the
 * STRIPE_* variables pointing the SDK at the fake. Billing state left by earlier files on a shared Postgres
 * (meters, processed event ids) is cleared: they belong to an earlier fake.
 */
export async function startStripeTestEnv(): Promise<StripeTestEnv> {
  const deliveries: { type: string; body: string; signature: string; status: number }[] = [];
  const deliver = (body: string, signature: string | undefined) =>
    POST(
      new Request("http://127.0.0.1/api/stripe/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(signature ? { "stripe-signature": signature } : {}),
        },
        body,
      }),
      { params: Promise.resolve({}) },
    );
  const app = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const signature = String(req.headers["stripe-signature"] ?? "");
    const response = await deliver(body, signature);
    const type = String((JSON.parse(body) as { type?: unknown }).type);
    deliveries.push({ type, body, signature, status: response.status });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/stripe/webhook`;
  const stripe = await startFakeStripe({ webhookUrl });
  process.env.STRIPE_SECRET_KEY = stripe.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = stripe.webhookSecret;
  process.env.STRIPE_API_BASE = stripe.url;
  resetEnvCache();
  const db = await getDb();
  await db.delete(billingMeters);
  await db.delete(stripeEvents);
  return {
    stripe,
    lastDeliveryOf: (type) => deliveries.findLast((d) => d.type === type),
    deliver,
    close: async () => {
      await stripe.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      delete process.env.STRIPE_API_BASE;
      resetEnvCache();
    },
  };
}
