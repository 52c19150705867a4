import { createHash } from "node:crypto";

/**
 * Security headers. Pages get a nonce-based strict CSP (set by proxy.ts; Next puts the request's nonce on its own
 * scripts); the API reference page hashes its two inline scripts; every response gets nosniff, a referrer policy
 * and frame denial (clickjacking), plus HSTS in production over https.
 */

const directives = (entries: Record<string, string[]>) =>
  Object.entries(entries)
    .map(([name, values]) => [name, ...values].join(" ").trim())
    .join("; ");

export interface PagePolicyOptions {
  nonce: string;
  /** React's development build evaluates code for its error overlay; production never needs eval. */
  isDevelopment: boolean;
  /** Only over https: on plain-http development and test servers it would break every subresource. */
  upgradeInsecureRequests: boolean;
  /** Origins the browser uploads to directly (Vercel Blob client uploads). */
  extraConnectSources: string[];
}

export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  return directives({
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts our nonce'd scripts load (Next's chunks) are trusted; nothing else is.
    "script-src": [
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.isDevelopment ? ["'unsafe-eval'"] : []),
    ],
    // Components set style attributes (charts, the explorer's virtualised rows, Radix popovers), which a nonce cannot
    // cover; inline styles cannot run code, so they are allowed.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...options.extraConnectSources],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(options.upgradeInsecureRequests ? { "upgrade-insecure-requests": [] } : {}),
  });
}

/** A fresh, unguessable nonce per response (128 random bits). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The CSP of an HTML document whose inline scripts are ours and fixed: each is allowed by its hash. */
export function hashedDocumentContentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash("sha256")
        .update(match[1] ?? "")
        .digest("base64")}'`,
  );
  return directives({
    "default-src": ["'self'"],
    "script-src": ["'self'", ...hashes],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

/** Headers for every response, page or API. */
export function baseSecurityHeaders(options: { includeHsts: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate CSP frame-ancestors, and for API responses, which carry no CSP.
    "X-Frame-Options": "DENY",
    ...(options.includeHsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
