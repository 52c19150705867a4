import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";

/** What every tool and resource of one MCP request knows about its caller. */
export interface McpContext {
  /** The caller as actor (user and workspace) for the domain functions that create or decide. */
  principal: Principal;
  /** The workspace every read and write is scoped to: the key's, or the token's personal one. */
  workspaceId: string;
  meta: RequestMeta;
  requestId: string;
}

export const toMcpContext = (principal: Principal, meta: RequestMeta, requestId: string): McpContext => ({
  principal,
  workspaceId: principal.workspaceId,
  meta,
  requestId,
});
