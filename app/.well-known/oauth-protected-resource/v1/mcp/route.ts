import { publicRoute } from "@/lib/api/handler";
import { protectedResourceMetadata } from "@/lib/mcp/protected-resource-metadata";

export const dynamic = "force-dynamic";

export const GET = publicRoute(({ request }) => Response.json(protectedResourceMetadata(request)));
