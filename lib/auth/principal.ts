import type { ApiKeyScope } from "@/db/queries/api-keys";
import type { WorkspaceRole } from "@/schemas/workspaces";

/** Who is calling, always derived from the credential, never from a header, query or body. */
export interface Principal {
  userId: string;
  /** The workspace the call acts in: the API key's, or the browser's current one (personal by default). */
  workspaceId: string;
  /** The caller's role there; for an API key, its creator's current role (a key never exceeds it). */
  role: WorkspaceRole;
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

/** Who acts where: the workspace that owns what is created, and the user who created it. */
export type Actor = Pick<Principal, "userId" | "workspaceId">;
