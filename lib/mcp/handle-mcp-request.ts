import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { authenticate } from "@/lib/api/handler";
import { toProblem } from "@/lib/api/problem";
import { rejectNulInUrl } from "@/lib/api/reject-nul-in-url";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { AppError, unauthorized } from "@/lib/errors";
import { enforceApiRateLimit } from "@/lib/rate-limit/enforce-api-rate-limit";
import { MAX_INGEST_BODY_BYTES } from "@/schemas/ingest";
import { assertAllowedOrigin } from "./assert-allowed-origin";
import { createMcpServer } from "./create-mcp-server";
import { toMcpContext } from "./mcp-context";
import { mcpMetadataUrl } from "./protected-resource-metadata";

/** `append_events` carries up to the REST ingest limit of events, plus the JSON-RPC envelope. */
const MAX_MCP_BODY_BYTES = MAX_INGEST_BODY_BYTES + 64 * 1024;

/**
 * `/v1/mcp`, Streamable HTTP without sessions: each POST is authenticated and rate-limited like a REST request,
 * then answered by a server built for that caller alone, in one JSON response. There is no standalone SSE stream
 * (GET) and no session to delete (DELETE): both are 405, which the transport spec allows.
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  const requestId = crypto.randomUUID();
  const headers: Record<string, string> = { "x-request-id": requestId };
  try {
    assertAllowedOrigin(request);
    const principal = await authenticate(request);
    // A cookie rides along with any request a browser page makes; agents hold a key or a token.
    if (principal.via === "browser_session") {
      throw unauthorized("The MCP endpoint takes an API key or an Entra access token, not a browser session");
    }
    Object.assign(headers, await enforceApiRateLimit(principal));
    rejectNulInUrl(new URL(request.url), {});
    if (request.method !== "POST") {
      throw new AppError({
        code: "method_not_allowed",
        message: "This MCP server is stateless: send JSON-RPC messages with POST",
        headers: { Allow: "POST" },
      });
    }
    const server = createMcpServer(toMcpContext(principal, readRequestMeta(request.headers), requestId));
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      maxRequestBodySize: MAX_MCP_BODY_BYTES,
    });
    await server.connect(transport);
    try {
      const response = await transport.handleRequest(request);
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    } finally {
      await server.close();
    }
  } catch (error) {
    const problem = toProblem(error, { requestId, instance: new URL(request.url).pathname });
    if (problem.status === 401) {
      // RFC 9728 §5.1: point the client at the metadata that says how to get a token.
      const presented = request.headers.has("authorization") || request.headers.has("x-api-key");
      problem.headers["WWW-Authenticate"] =
        `Bearer resource_metadata="${mcpMetadataUrl(request)}"${presented ? ', error="invalid_token"' : ""}`;
    }
    return new Response(JSON.stringify(problem.body), {
      status: problem.status,
      headers: { "content-type": "application/problem+json", ...problem.headers, ...headers },
    });
  }
}
