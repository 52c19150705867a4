import { publicRoute } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const dynamic = "force-dynamic";

export const GET = publicRoute(() => Response.json(buildOpenApiDocument()));
