import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { scopeAllows } from "@/lib/auth/principal";
import { can } from "@/lib/workspaces/policy";
import type { McpContext } from "./mcp-context";
import { registerResources } from "./mcp-resources";
import { toolsFor } from "./mcp-tools";

const INSTRUCTIONS = `Tracepipe turns recordings of people using web apps (Gmail, Google Calendar, GitHub) into tool-calling training data.
Record yourself: create_session (suite and time zone) → append_events (native events with ids, retries are safe) → complete_session → poll get_session until completed → create_example → poll get_example until completed → get_example_messages.
Actions the pipeline could not finish wait in list_review_items; decide_review_item accepts or rejects them.`;

/**
 * One server per HTTP request (stateless: no session store, so any instance can answer any request), holding only
 * what the caller's credential allows.
 */
export function createMcpServer(ctx: McpContext): McpServer {
  const server = new McpServer(
    { name: "tracepipe", title: "Tracepipe", version: "1.0.0", websiteUrl: "https://tracepipe.dev" },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const tools = toolsFor(ctx);
  for (const tool of tools) tool.register(server, ctx);
  // The same list the SDK would build, from listings converted once per process.
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map((t) => t.listing()) }));
  if (scopeAllows(ctx.principal.scope, ["read"]) && can(ctx.principal.role, "read")) {
    registerResources(server, ctx);
    server.registerPrompt(
      "examples_from_session",
      {
        title: "Turn a session into examples",
        description: "Steps to check a recorded session, settle its review items and read its examples.",
        argsSchema: { session_id: z.uuid().describe("The session to turn into examples.") },
      },
      ({ session_id }) => ({
        messages: [
          {
            role: "user",
            content: {
              type: "text",
              text: `Call get_session with session_id ${session_id} until its status is completed or failed. If it failed, report its error. Otherwise list_review_items with session_id ${session_id} and status pending and show me each proposed tool call with its evidence before deciding anything. Then create_example for the session, poll get_example until it is completed and read get_example_messages.`,
            },
          },
        ],
      }),
    );
  }
  return server;
}
