import Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

let cached: { key: string; base: string | undefined; client: Stripe } | undefined;

/**
 * The Stripe SDK client. STRIPE_API_BASE points it elsewhere (e.g. the local fake in test/fakes/stripe-server.ts):
 * the SDK takes host, port and protocol separately, not a base URL.
 */
export function getStripe(): Stripe {
  const env = getEnv();
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new AppError({ code: "unavailable", message: "Billing is not configured on this server." });
  const base = env.STRIPE_API_BASE;
  if (cached?.key === key && cached.base === base) return cached.client;
  const url = base ? new URL(base) : undefined;
  const client = new Stripe(key, {
    maxNetworkRetries: 2,
    appInfo: { name: "tracepipe" },
    ...(url && {
      host: url.hostname,
      port: url.port || (url.protocol === "http:" ? 80 : 443),
      protocol: url.protocol === "http:" ? "http" : "https",
    }),
  });
  cached = { key, base, client };
  return client;
}

export function getWebhookSecret(): string {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError({ code: "unavailable", message: "Stripe webhooks are not configured." });
  return secret;
}
