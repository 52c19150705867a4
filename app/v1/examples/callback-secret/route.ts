import { authedRoute, json } from "@/lib/api/handler";
import { getCallbackSecret } from "@/lib/callbacks/callback-secret";

/** The caller's secret for verifying `Tracepipe-Signature` on example callbacks. */
export const GET = authedRoute({ scopes: ["full"], permission: "create_example" }, async ({ principal }) => {
  return json({
    object: "callback_secret",
    secret: getCallbackSecret(principal.workspaceId),
    signature_header: "Tracepipe-Signature",
    scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>',
  });
});
