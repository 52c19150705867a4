import { authedRoute, json } from "@/lib/api/handler";
import { readTimelinePage } from "@/lib/pipeline-runs/read-timeline-page";
import { timelineQuerySchema } from "@/schemas/examples";

/** Paged pipeline layers of a processed session for the explorer: `?layer=events|interactions|windows|actions|issues`. */
export const GET = authedRoute(
  { scopes: ["read"], permission: "read" },
  async ({ request, params, principal }) => {
    const query = timelineQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(
      await readTimelinePage({ workspaceId: principal.workspaceId, sessionId: String(params.id), query }),
    );
  },
);
