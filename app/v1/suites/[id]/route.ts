import { authedRoute } from "@/lib/api/handler";
import { getSuiteDetail } from "@/lib/catalog/read-catalog";
import { readOnlyMethods } from "@/lib/catalog/read-only-methods";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, async ({ params }) =>
  Response.json(await getSuiteDetail(String(params.id))),
);
export const { POST, PUT, PATCH, DELETE } = readOnlyMethods;
