import { authedRoute } from "@/lib/api/handler";
import { openWorkspaceEventStream } from "@/lib/events/stream-workspace-events";
import { lastEventIdSchema } from "@/schemas/workspace-events";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the caller's workspace. `Last-Event-ID` (the browser sends it on reconnect; or
 * `?last_event_id=`) replays what was missed from the durable event log before live events.
 */
export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ request, principal }) => {
  const resumeFrom =
    request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("last_event_id");
  const stream = await openWorkspaceEventStream({
    workspaceId: principal.workspaceId,
    lastEventId: resumeFrom ? lastEventIdSchema.parse(resumeFrom) : undefined,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy would buffer the stream; X-Accel-Buffering: nginx would too.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
