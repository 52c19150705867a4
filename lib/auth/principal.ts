import type { ApiKeyScope } from "@/db/queries/api-keys";

/** Who is calling, always derived from the credential, never from a header, query or body. */
export interface Principal {
  userId: string;
  via: "api_key" | "entra_token" | "browser_session";
  /** API keys carry a scope; other credentials act with full scope. */
  scope: ApiKeyScope;
  apiKeyId?: string;
  /** When the credential stops working (API keys with an expiry); keys it creates may not outlive it. */
  expiresAt?: Date | null;
}

export type { ApiKeyScope };

/** Whether a credential with `scope` may call a route that accepts `allowed`. `full` may call anything. */
export const scopeAllows = (scope: ApiKeyScope, allowed: readonly ApiKeyScope[]) =>
  scope === "full" || allowed.includes(scope);
