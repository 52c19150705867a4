import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { getTimelineManifest } from "@/lib/explorer/read-timeline-index";

export const dynamic = "force-dynamic";

/** The explorer's index manifest: the span its tiles cut up, each lane's size and categories, the index version. */
export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const manifest = await getTimelineManifest(principal.workspaceId, z.string().parse(params.id));
  // Small and cheap to revalidate; the tiles it names are the immutable part.
  return Response.json(manifest, { headers: { "cache-control": "private, no-cache" } });
});
