import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { getTimelineTile } from "@/lib/explorer/read-timeline-index";

export const dynamic = "force-dynamic";

/**
 * One tile of a lane at a zoom level: sparse bins, or the raw items once a tile holds few enough. The manifest
 * version is in the URL, so an answer never changes and is cached for good; the ETag names the tile served.
 */
export const GET = authedRoute(
  { scopes: ["read"], permission: "read" },
  async ({ request, params, principal }) => {
    const found = await getTimelineTile(
      principal.workspaceId,
      z.string().parse(params.id),
      new URL(request.url).searchParams,
    );
    const etag = `"${found.version}-${found.lane}-${found.level}-${found.tile}"`;
    const headers = { etag, "cache-control": "private, max-age=31536000, immutable" };
    if (request.headers.get("if-none-match") === etag) {
      await found.stream.cancel();
      return new Response(null, { status: 304, headers });
    }
    return new Response(found.stream, { headers: { ...headers, "content-type": "application/json" } });
  },
);
