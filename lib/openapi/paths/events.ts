import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { lastEventIdSchema, workspaceEventSchemas } from "@/schemas/workspace-events";
import { authenticated, problems } from "../responses";

const messageOf = <Type extends keyof typeof workspaceEventSchemas>(type: Type) =>
  z.object({
    id: z.string().describe("The event id; send it back as `Last-Event-ID`."),
    event: z.literal(type),
    data: workspaceEventSchemas[type],
  });

/** One SSE message as a JSON Schema can say it: `event:` names the type, `data:` holds that type's payload. */
const streamMessageSchema = z
  .discriminatedUnion("event", [
    messageOf("session.status_changed"),
    messageOf("example.status_changed"),
    messageOf("review_item.status_changed"),
    messageOf("budget.threshold_reached"),
  ])
  .meta({ id: "WorkspaceStreamMessage" });

export const eventPaths: ZodOpenApiPathsObject = {
  "/v1/events/stream": {
    get: {
      tags: ["Live updates"],
      summary: "Stream the workspace's events",
      description: [
        "Server-Sent Events for the caller's workspace: `session.status_changed`, `example.status_changed`,",
        "`review_item.status_changed` (also when one is created, with `previous_status: null`) and",
        "`budget.threshold_reached`. Each message has `id:`, `event:` (the type) and `data:` (its JSON payload).",
        "A comment line (`: heartbeat`) arrives every 15 s. Reconnect with `Last-Event-ID` (or `?last_event_id=`)",
        "to receive exactly the events after it, kept for 7 days; without it the stream starts now. Needs `read`.",
        "At most 20 streams per workspace and instance (429 beyond).",
      ].join(" "),
      security: authenticated,
      requestParams: {
        header: z.object({
          "last-event-id": lastEventIdSchema.optional().describe("Resume after this event id."),
        }),
        query: z.object({
          last_event_id: lastEventIdSchema
            .optional()
            .describe("As `Last-Event-ID`, for clients that cannot set it."),
        }),
      },
      responses: {
        "200": {
          description: "An endless `text/event-stream`; each message's fields are described by this schema.",
          content: { "text/event-stream": { schema: streamMessageSchema } },
        },
        ...problems(422, 429),
      },
    },
  },
};
