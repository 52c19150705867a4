import { getEnv } from "@/lib/env";
import { readClientAddress } from "./client-address";

/** Client address and user agent of a request, for audit rows and sign-in throttling. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** The request's id (the API's `x-request-id`; one per server action), recorded in audit entries. */
  requestId?: string;
  /** The API key the request authenticated with: audit entries name the key, not its owner, as the actor. */
  apiKeyId?: string;
}

/** The client address comes only from the socket peer or a trusted proxy (see `readClientAddress`). */
export function readRequestMeta(
  headers: Headers,
  context: { requestId?: string; apiKeyId?: string } = {},
): RequestMeta {
  const env = getEnv();
  return {
    ip: readClientAddress(headers, { trustedProxies: env.TRUSTED_PROXIES, onVercel: env.VERCEL === "1" }),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    ...context,
  };
}
