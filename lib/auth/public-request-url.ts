import { getEnv } from "@/lib/env";

/**
 * The request as Auth.js must see it: at the origin the browser used. Two Next behaviours break OAuth on a
 * loopback host otherwise: `next start` builds route-handler URLs from its bind address, and NextURL rewrites
 * 127.0.0.1 to `localhost`. Auth.js derives the redirect_uri from the request URL on the callback but from the
 * Host header when a server action starts sign-in, so the code exchange fails with a redirect_uri mismatch. We
 * hand Auth.js a plain Request (not a NextRequest, which would rewrite the host again) at APP_URL when set, else
 * at the forwarded or Host header's origin (Auth.js trusts that header anyway with trustHost).
 */
export async function toPublicRequest(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const origin = publicOrigin(request);
  const hasBody = !["GET", "HEAD"].includes(request.method);
  return new Request(url.href.replace(url.origin, origin), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
  });
}

/** The origin the client used: APP_URL when set, else the forwarded or Host header's. */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  return originFromHeaders(request.headers, url) ?? url.origin;
}

/** The same from a page's request headers (a server component sees headers, not the request). */
export function originFromHeaders(headers: Headers, url?: URL): string | undefined {
  const appUrl = getEnv().APP_URL;
  if (appUrl) return new URL(appUrl).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url?.protocol.replace(":", "") ?? "http";
  return host ? `${proto}://${host}` : undefined;
}
