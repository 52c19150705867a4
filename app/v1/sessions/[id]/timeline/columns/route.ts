import { z } from "zod";
import { authedRoute } from "@/lib/api/handler";
import { streamSessionTimeline } from "@/lib/explorer/stream-session-timeline";
import { streamJsonl } from "@/lib/pipeline/jsonl";
import { timelineQuerySchema } from "@/schemas/timeline";

export const dynamic = "force-dynamic";

/** A lane of the session's timeline as NDJSON: one columnar chunk per line, streamed as it is read. */
export const GET = authedRoute(
  { scopes: ["read"], permission: "read" },
  async ({ request, params, principal }) => {
    const { lane } = timelineQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const chunks = await streamSessionTimeline(principal.workspaceId, z.string().parse(params.id), lane);
    return new Response(streamJsonl(chunks), {
      headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" },
    });
  },
);
