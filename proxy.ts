import { type NextRequest, NextResponse } from "next/server";
import { getEnv, isBlobStorage } from "@/lib/env";
import { createNonce, pageContentSecurityPolicy } from "@/lib/web/security-headers";

const APP_PAGE_PREFIXES = [
  "/settings",
  "/dashboard",
  "/sessions",
  "/examples",
  "/upload",
  "/review",
  "/billing",
];

const isAppPage = (pathname: string) =>
  APP_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

const hasSessionCookie = (request: NextRequest) =>
  request.cookies
    .getAll()
    .some(
      (cookie) =>
        cookie.name === "authjs.session-token" ||
        cookie.name === "__Secure-authjs.session-token" ||
        cookie.name.startsWith("authjs.session-token.") ||
        cookie.name.startsWith("__Secure-authjs.session-token."),
    );

/**
 * Every page gets a strict CSP with a fresh nonce: set on the request, where Next reads it and puts the nonce on
 * its own scripts (and the root layout on the theme script), and on the response, where the browser enforces it.
 * App pages also get an optimistic redirect: a signed-out visitor goes to sign-in and comes back afterwards. That
 * check only sees that a session cookie exists, never that it is valid (no database here); every page and action
 * checks the session itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isAppPage(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const env = getEnv();
  const protocol =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? request.nextUrl.protocol;
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    isDevelopment: env.NODE_ENV === "development",
    upgradeInsecureRequests: protocol.replace(":", "") === "https",
    extraConnectSources: isBlobStorage(env)
      ? [
          "https://vercel.com",
          "https://*.blob.vercel-storage.com",
          ...(env.VERCEL_BLOB_API_URL ? [new URL(env.VERCEL_BLOB_API_URL).origin] : []),
        ]
      : [],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages only. API routes (/v1, /api) answer JSON and take uploads: running the proxy there would make Next buffer
// request bodies for it. They get the base headers from next.config.ts.
export const config = {
  matcher: [
    {
      source: "/((?!api/|v1/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
