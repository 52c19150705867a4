import { authedRoute } from "@/lib/api/handler";
import { getSuiteOrThrow, listSuiteActions } from "@/lib/catalog/read-catalog";
import { readOnlyMethods } from "@/lib/catalog/read-only-methods";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, async ({ params }) => {
  const suite = await getSuiteOrThrow(String(params.id));
  return Response.json({ data: await listSuiteActions(suite.id) });
});
export const { POST, PUT, PATCH, DELETE } = readOnlyMethods;
