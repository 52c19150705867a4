import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { findTimelineItems } from "@/lib/explorer/read-timeline-index";

export const dynamic = "force-dynamic";

/** Where items are on the timeline, by id: the explorer zooms to one it has not loaded (a provenance chip, a link). */
export const GET = authedRoute(
  { scopes: ["read"], permission: "read" },
  async ({ request, params, principal }) => {
    const data = await findTimelineItems(
      principal.workspaceId,
      z.string().parse(params.id),
      new URL(request.url).searchParams,
    );
    return Response.json({ data });
  },
);
