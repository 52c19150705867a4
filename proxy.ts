import { type NextRequest, NextResponse } from "next/server";

/**
 * Optimistic redirect only: a signed-out visitor to an app page goes to sign-in and comes back afterwards. It
 * checks that a session cookie exists, never that it is valid (no database here); every page and action checks
 * the session itself.
 */
export function proxy(request: NextRequest) {
  const hasSessionCookie = request.cookies
    .getAll()
    .some(
      (cookie) =>
        cookie.name === "authjs.session-token" ||
        cookie.name === "__Secure-authjs.session-token" ||
        cookie.name.startsWith("authjs.session-token.") ||
        cookie.name.startsWith("__Secure-authjs.session-token."),
    );
  if (hasSessionCookie) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

// App pages only: the API answers 401 itself and marketing/auth pages are public.
export const config = {
  matcher: [
    "/settings/:path*",
    "/dashboard/:path*",
    "/sessions/:path*",
    "/examples/:path*",
    "/upload/:path*",
    "/review/:path*",
    "/billing/:path*",
  ],
};
