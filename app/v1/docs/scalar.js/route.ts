import { publicRoute } from "@/lib/api/handler";
import { readScalarBundle } from "@/lib/openapi/scalar-bundle";

export const dynamic = "force-dynamic";

export const GET = publicRoute(
  async () =>
    new Response(new Uint8Array(await readScalarBundle()), {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
    }),
);
