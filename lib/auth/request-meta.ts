/** Client address and user agent of a request, for audit rows and login throttling. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const IP_PATTERN = /^[0-9a-fA-F:.]{2,45}$/;

// Behind the platform proxy (Vercel, a load balancer) the first X-Forwarded-For hop is the client. The address only
// feeds audit rows and throttling keys, never an authorization decision, so a spoofed value cannot grant access.
export function readRequestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? headers.get("x-real-ip")?.trim();
  return {
    ip: forwarded && IP_PATTERN.test(forwarded) ? forwarded : null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
