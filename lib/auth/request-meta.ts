import { getEnv } from "@/lib/env";
import { readClientAddress } from "./client-address";

/** Client address and user agent of a request, for audit rows and sign-in throttling. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** The client address comes only from the socket peer or a trusted proxy (see `readClientAddress`). */
export function readRequestMeta(headers: Headers): RequestMeta {
  const env = getEnv();
  return {
    ip: readClientAddress(headers, { trustedProxies: env.TRUSTED_PROXIES, onVercel: env.VERCEL === "1" }),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
