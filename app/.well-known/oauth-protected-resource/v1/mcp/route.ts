import { publicRoute } from "@/lib/api/handler";
import { protectedResourceMetadata } from "@/lib/mcp/protected-resource-metadata";

export const dynamic = "force-dynamic";

// Public metadata: browser-based MCP clients read it from other origins during discovery.
export const GET = publicRoute(({ request }) =>
  Response.json(protectedResourceMetadata(request), { headers: { "access-control-allow-origin": "*" } }),
);
