import { authedRoute } from "@/lib/api/handler";
import { listSuites } from "@/lib/catalog/read-catalog";
import { readOnlyMethods } from "@/lib/catalog/read-only-methods";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, async () =>
  Response.json({ data: await listSuites() }),
);
export const { POST, PUT, PATCH, DELETE } = readOnlyMethods;
