import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AnySchema } from "@modelcontextprotocol/sdk/server/zod-compat.js";
import { toJsonSchemaCompat } from "@modelcontextprotocol/sdk/server/zod-json-schema-compat.js";
import type { CallToolResult, Tool, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { toProblem } from "@/lib/api/problem";
import { type McpToolName, mcpToolInputs, mcpToolOutputs } from "@/schemas/mcp";
import type { McpContext } from "./mcp-context";

type Input<N extends McpToolName> = z.output<(typeof mcpToolInputs)[N]>;
type Output<N extends McpToolName> = z.input<(typeof mcpToolOutputs)[N]>;

export interface McpToolDefinition<N extends McpToolName> {
  name: N;
  title: string;
  description: string;
  /** Every hint stated, none left to the defaults (which assume a destructive, open-world tool). */
  annotations: Required<
    Pick<ToolAnnotations, "readOnlyHint" | "destructiveHint" | "idempotentHint" | "openWorldHint">
  >;
  run: (ctx: McpContext, input: Input<N>) => Promise<Output<N>>;
}

/** A tool with its types erased, ready to register on a per-request server. */
export interface McpTool {
  name: McpToolName;
  /** Its `tools/list` entry, converted from the zod schemas once per process (see `listTool`). */
  listing: () => Tool;
  register: (server: McpServer, ctx: McpContext) => void;
}

/**
 * A failed call as a tool error (`isError`), carrying the message the REST API's problem document would carry:
 * the agent sees "Session not found" or the field paths of a 422, never a stack, and never whether a foreign id
 * exists.
 */
export function toToolError(error: unknown, ctx: McpContext, tool: string): CallToolResult {
  const { body } = toProblem(error, { requestId: ctx.requestId, instance: `/v1/mcp#${tool}` });
  return { isError: true, content: [{ type: "text", text: body.detail }] };
}

export function defineTool<N extends McpToolName>(definition: McpToolDefinition<N>): McpTool {
  let listing: Tool | undefined;
  return {
    name: definition.name,
    // The SDK converts every schema to JSON Schema on each `tools/list`: 14 ms of CPU per listing for these 13
    // tools (warm), paid on every request by a server built per request. Same conversion and options, done once.
    listing: () => {
      listing ??= {
        name: definition.name,
        title: definition.title,
        description: definition.description,
        inputSchema: toJsonSchemaCompat(mcpToolInputs[definition.name], {
          strictUnions: true,
          pipeStrategy: "input",
        }) as Tool["inputSchema"],
        outputSchema: toJsonSchemaCompat(mcpToolOutputs[definition.name], {
          strictUnions: true,
          pipeStrategy: "output",
        }) as Tool["outputSchema"],
        annotations: { title: definition.title, ...definition.annotations },
        execution: { taskSupport: "forbidden" },
      };
      return listing;
    },
    register: (server, ctx) => {
      const inputSchema: AnySchema = mcpToolInputs[definition.name];
      const outputSchema: AnySchema = mcpToolOutputs[definition.name];
      server.registerTool(
        definition.name,
        {
          title: definition.title,
          description: definition.description,
          inputSchema,
          outputSchema,
          annotations: { title: definition.title, ...definition.annotations },
        },
        // The SDK hands over the arguments parsed by this tool's input schema (invalid ones never get here); its
        // types cannot follow a schema picked by a generic name.
        async (args: unknown): Promise<CallToolResult> => {
          try {
            const result = await definition.run(ctx, args as Input<N>);
            return {
              content: [{ type: "text", text: JSON.stringify(result) }],
              structuredContent: result as Record<string, unknown>,
            };
          } catch (error) {
            return toToolError(error, ctx, definition.name);
          }
        },
      );
    },
  };
}
