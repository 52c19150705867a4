import { scopeAllows } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/workspaces/policy";
import { type McpToolName, mcpToolScopes } from "@/schemas/mcp";
import type { McpTool } from "./define-tool";
import type { McpContext } from "./mcp-context";
import { catalogTools } from "./tools/catalog-tools";
import { exampleTools } from "./tools/example-tools";
import { reviewTools } from "./tools/review-tools";
import { sessionTools } from "./tools/session-tools";

/** Every tool of the Tracepipe MCP server, in the order `tools/list` shows them. */
export const mcpTools: readonly McpTool[] = [
  ...catalogTools,
  ...sessionTools,
  ...exampleTools,
  ...reviewTools,
];

/** What the caller's role must allow for each tool: the permission of its REST route. */
export const mcpToolPermissions: Record<McpToolName, Permission> = {
  list_suites: "read",
  get_suite: "read",
  list_action_tool_maps: "read",
  list_sessions: "read",
  get_session: "read",
  create_session: "upload",
  append_events: "upload",
  complete_session: "upload",
  create_example: "create_example",
  get_example: "read",
  get_example_messages: "read",
  list_review_items: "read",
  decide_review_item: "review",
};

/** Whether a caller may see and call `name`: the key's scope and the role's permission, as on the REST routes. */
export const mayUseTool = (ctx: McpContext, name: McpToolName) =>
  scopeAllows(ctx.principal.scope, mcpToolScopes[name]) && can(ctx.principal.role, mcpToolPermissions[name]);

/** The tools a caller may use. The others are not registered at all, so they are neither listed nor callable. */
export const toolsFor = (ctx: McpContext) => mcpTools.filter((tool) => mayUseTool(ctx, tool.name));
