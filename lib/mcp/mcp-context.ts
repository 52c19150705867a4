import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";

/** What every tool and resource of one MCP request knows about its caller. */
export interface McpContext {
  principal: Principal;
  /**
   * The owner the domain functions scope every read and write to. Today the user; when ownership moves to
   * workspaces this is the one line that changes.
   */
  ownerId: string;
  meta: RequestMeta;
  requestId: string;
}

export const toMcpContext = (principal: Principal, meta: RequestMeta, requestId: string): McpContext => ({
  principal,
  ownerId: principal.userId,
  meta,
  requestId,
});
