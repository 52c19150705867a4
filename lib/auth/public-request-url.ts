import { NextRequest } from "next/server";
import { getEnv } from "@/lib/env";

/**
 * `next start` builds route-handler URLs from its bind address (`localhost`), not from the Host the browser used.
 * Auth.js derives the OAuth redirect_uri from the request URL on the callback but from the Host header when a
 * server action starts sign-in, and a mismatch fails the code exchange. So Auth.js routes see the public origin:
 * APP_URL when set, else the forwarded or Host header (Auth.js trusts it anyway with trustHost).
 */
export function toPublicRequest(request: Request): NextRequest {
  const url = new URL(request.url);
  const appUrl = getEnv().APP_URL;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  const origin = appUrl ? new URL(appUrl).origin : host ? `${proto}://${host}` : url.origin;
  return new NextRequest(url.href.replace(url.origin, origin), request);
}
