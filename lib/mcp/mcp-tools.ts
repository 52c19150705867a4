import { scopeAllows } from "@/lib/auth/principal";
import { mcpToolScopes } from "@/schemas/mcp";
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

/**
 * The tools a caller may see and call: the same scope rule as the REST routes. A tool outside the key's scope is
 * not registered at all, so it is neither listed nor callable.
 */
export const toolsFor = (ctx: McpContext) =>
  mcpTools.filter((tool) => scopeAllows(ctx.principal.scope, mcpToolScopes[tool.name]));
