import { publicRoute } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";

export const dynamic = "force-dynamic";

/**
 * Stripe webhook endpoint. Public by necessity: the Stripe-Signature header (HMAC over the raw bytes, checked
 * by the SDK) is the credential, so the body is read as bytes and never parsed before verification.
 */
export const POST = publicRoute(async ({ request, requestId }) => {
  const outcome = await handleStripeWebhook(
    new Uint8Array(await request.arrayBuffer()),
    request.headers.get("stripe-signature"),
    readRequestMeta(request.headers, { requestId }),
  );
  return Response.json({ received: true, outcome });
});
