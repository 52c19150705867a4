import { authedRoute } from "@/lib/api/handler";
import { getMcpServerOrThrow, listServerTools } from "@/lib/catalog/read-catalog";
import { readOnlyMethods } from "@/lib/catalog/read-only-methods";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, async ({ params }) => {
  const server = await getMcpServerOrThrow(String(params.id));
  return Response.json({ ...server, tools: await listServerTools(server.id) });
});
export const { POST, PUT, PATCH, DELETE } = readOnlyMethods;
