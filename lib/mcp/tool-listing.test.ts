import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { describe, expect, it } from "vitest";
import type { McpContext } from "./mcp-context";
import { mcpTools } from "./mcp-tools";

// The server answers tools/list from listings converted once (define-tool.ts); they must be exactly what the SDK
// itself lists for the same registrations, or a client would see other schemas than the SDK validates against.

const ctx: McpContext = {
  principal: {
    userId: "00000000-0000-4000-8000-000000000000",
    workspaceId: "00000000-0000-4000-8000-000000000000",
    role: "owner",
    via: "api_key",
    scope: "full",
  },
  workspaceId: "00000000-0000-4000-8000-000000000000",
  meta: { ip: null, userAgent: null },
  requestId: "listing-test",
};

describe("cached tool listings", () => {
  it("equal the SDK's own tools/list", async () => {
    const server = new McpServer({ name: "sdk-listing", version: "1.0.0" });
    for (const tool of mcpTools) tool.register(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "listing-test", version: "1.0.0" });
    await client.connect(clientSide);
    const { tools } = await client.listTools();
    await client.close();
    expect(mcpTools.map((tool) => tool.listing())).toEqual(tools);
  });
});
