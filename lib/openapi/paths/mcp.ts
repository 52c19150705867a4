import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { jsonValue } from "@/schemas/text";
import { authenticated, json, problems } from "../responses";

const jsonRpcSchema = z
  .record(z.string(), jsonValue())
  .describe("A JSON-RPC 2.0 message of the Model Context Protocol (or a batch).");

const notStateful = {
  tags: ["MCP"],
  security: authenticated,
  description: "The server keeps no sessions: there is no standalone event stream and no session to end.",
  responses: problems(405),
};

export const mcpPaths: ZodOpenApiPathsObject = {
  "/v1/mcp": {
    post: {
      tags: ["MCP"],
      summary: "MCP endpoint (Streamable HTTP)",
      description:
        "Tracepipe's tools and resources for agents, over MCP Streamable HTTP without sessions. Use an MCP client (Settings → Connect an agent). A key sees and calls only the tools its scope allows. Without a credential: 401 with `WWW-Authenticate: Bearer resource_metadata=…`.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: jsonRpcSchema } } },
      responses: { "200": json(jsonRpcSchema, "The JSON-RPC response."), ...problems(403, 413) },
    },
    get: { ...notStateful, summary: "Not offered (405)" },
    delete: { ...notStateful, summary: "Not offered (405)" },
  },
};
