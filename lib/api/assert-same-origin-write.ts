import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin the browser used: APP_URL when set, else the forwarded or Host header's (as Auth.js sees it). */
export function expectedOrigin(request: Pick<Request, "url" | "headers">): string {
  const appUrl = getEnv().APP_URL;
  if (appUrl) return new URL(appUrl).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  return host ? `${proto}://${host}` : url.origin;
}

function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return request.headers.has("transfer-encoding") || (length !== null && length !== "0");
}

/**
 * A cookie rides along on any request the browser makes, so a write authenticated by the session cookie must
 * come from our own pages (CSRF). The rule is Go's `http.CrossOriginProtection`: `Sec-Fetch-Site` (sent by every
 * current browser) must be `same-origin` (or `none`, a user-typed request); without it, `Origin` must be ours;
 * without either, the request did not come from a browser page (a script holding the cookie) and passes. And the
 * body must be JSON (or multipart where the route takes uploads): an HTML form or a no-cors fetch can only send
 * form encodings and text/plain. API keys and bearer tokens are never sent by a browser on its own and are not
 * checked here.
 */
export function assertSameOriginWrite(request: Request, options: { allowMultipart?: boolean } = {}): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const isSameOrigin =
    fetchSite !== null
      ? fetchSite === "same-origin" || fetchSite === "none"
      : origin === null || origin === expectedOrigin(request);
  if (!isSameOrigin) {
    throw new AppError({
      code: "forbidden",
      message:
        "A browser session may only write from Tracepipe's own pages (same origin); use an API key elsewhere",
    });
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const isJson = type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
  const isAllowedMultipart = options.allowMultipart === true && type === "multipart/form-data";
  if (isJson || isAllowedMultipart || (type === "" && !hasBody(request))) return;
  throw new AppError({
    code: "unsupported_media_type",
    message: `Send the body as application/json${options.allowMultipart ? " or multipart/form-data" : ""}`,
  });
}
