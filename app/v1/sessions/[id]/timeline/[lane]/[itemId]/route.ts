import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { getTimelineItem } from "@/lib/explorer/stream-session-timeline";
import { laneIdSchema } from "@/schemas/timeline";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const item = await getTimelineItem(
    principal.workspaceId,
    z.string().parse(params.id),
    laneIdSchema.parse(params.lane),
    z.string().min(1).parse(params.itemId),
  );
  return Response.json(item);
});
