import { databaseIngestDeps } from "@/lib/ingest/database-ingest-deps";
import { storeEvents } from "@/lib/ingest/ingest-events";
import { completeSession } from "@/lib/sessions/complete-session";
import { createStreamingSession } from "@/lib/sessions/create-streaming-session";
import { getSessionDetail } from "@/lib/sessions/get-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { defineTool } from "../define-tool";

export const sessionTools = [
  defineTool({
    name: "list_sessions",
    title: "List sessions",
    description:
      "Your recording sessions, newest first (or `order: oldest`), filtered by suite, status, time or a search text. Pages with `cursor`: pass the previous page's `next_cursor` until it is null.",
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) => listSessions(ctx.workspaceId, input),
  }),
  defineTool({
    name: "get_session",
    title: "Get a session",
    description:
      "One session: status (open → uploaded → processing → completed | failed), event, interaction and action counts, pipeline metrics per stage, its time zone and where the zone came from, files and any error.",
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) => getSessionDetail(ctx.workspaceId, input.session_id),
  }),
  defineTool({
    name: "create_session",
    title: "Open a recording session",
    description:
      "Opens an empty session for one or more suites that accepts events through `append_events` until `complete_session`. State `timezone` (IANA) when you know it; otherwise it is read from the recording.",
    // Each call opens another session.
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    run: async (ctx, input) => createStreamingSession(ctx.principal, input),
  }),
  defineTool({
    name: "append_events",
    title: "Append events to a session",
    description:
      "Stores native events (`input_events.jsonl` lines with a client-chosen `id`) in an open session, up to 10,000 per call. An id already stored counts as a duplicate and is not stored twice, so retrying a call is safe.",
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) =>
      storeEvents({
        workspaceId: ctx.workspaceId,
        sessionId: input.session_id,
        events: input.events,
        deps: databaseIngestDeps,
      }),
  }),
  defineTool({
    name: "complete_session",
    title: "Complete a session",
    description:
      "Closes an open session (no more events) and starts the pipeline: bronze, silver, gold, review items. Poll `get_session` until `completed` or `failed`. Completing a closed session changes nothing.",
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) => completeSession(ctx.principal, input.session_id),
  }),
];
