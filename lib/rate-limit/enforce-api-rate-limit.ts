import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { bucketsForPrincipal } from "./limits";
import { type RateLimitResult, takeRateLimitTokens } from "./take-rate-limit-token";

const headersFor = (result: RateLimitResult): Record<string, string> => ({
  "X-RateLimit-Limit": String(result.limit),
  "X-RateLimit-Remaining": String(result.remaining),
  "X-RateLimit-Reset": String(result.resetSeconds),
});

/**
 * Takes a token from the key's and the user's bucket. The headers describe the tighter of the two; when either
 * is empty the request fails with 429 and Retry-After.
 */
export async function enforceApiRateLimit(principal: Principal): Promise<Record<string, string>> {
  const results = await takeRateLimitTokens(bucketsForPrincipal(principal));
  if (results.length === 0) return {};
  const denied = results.filter((r) => !r.allowed);
  if (denied.length > 0) {
    const worst = denied.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
    throw new AppError({
      code: "rate_limited",
      message: `Rate limit exceeded: ${worst.limit} requests burst; retry in ${worst.retryAfterSeconds} s`,
      headers: { ...headersFor(worst), "Retry-After": String(worst.retryAfterSeconds) },
      extensions: { limit: worst.limit, retry_after: worst.retryAfterSeconds },
    });
  }
  const tightest = results.reduce((a, b) => (b.remaining / b.limit < a.remaining / a.limit ? b : a));
  return headersFor(tightest);
}
