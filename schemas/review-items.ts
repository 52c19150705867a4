import { z } from "zod";
import { cursorSchema, timestampSchema } from "./common";
import { redactionKindSchema } from "./data-policy";
import { pageTrailParamsSchema } from "./page-trail";
import { reviewReasonSchema } from "./pipeline";
import { jsonValue, text } from "./text";

export const reviewItemStatusSchema = z
  .enum(["pending", "accepted", "rejected"])
  .describe(
    "`pending` awaits a person · `accepted` becomes a record of later examples · `rejected` never does.",
  );
export type ReviewItemStatus = z.infer<typeof reviewItemStatusSchema>;

const actionSlugSchema = text()
  .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/)
  .describe("Catalog action slug, e.g. `create_event`.");

/** `GET /v1/review-items`: the queue, oldest first (the order actions were found in). */
export const listReviewItemsQuerySchema = z.object({
  status: reviewItemStatusSchema.default("pending"),
  session_id: z.uuid().optional(),
  suite_id: text().trim().min(1).max(200).optional().describe("Suite UUID or slug."),
  action: actionSlugSchema.optional(),
  reason: reviewReasonSchema.optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, 1–100 (default 20)."),
});
export type ListReviewItemsQuery = z.infer<typeof listReviewItemsQuerySchema>;

export const reviewToolCallSchema = z.object({
  server: text().describe("MCP server slug, e.g. `google-calendar-mcp`."),
  name: text().describe("Tool name, e.g. `create-event`."),
  arguments: z.record(text(), z.unknown()),
});

export const reviewItemSchema = z
  .object({
    id: z.uuid(),
    object: z.literal("review_item"),
    session_id: z.uuid(),
    suite_id: z.uuid(),
    action: text().describe("Catalog action slug."),
    action_id: text().describe("The gold action's id within the session (`a3`), as in the timeline."),
    reasons: z.array(reviewReasonSchema),
    status: reviewItemStatusSchema,
    tool: reviewToolCallSchema.describe(
      "The tool call: as proposed by the pipeline while pending or rejected, as accepted once accepted.",
    ),
    proposed_arguments: z.record(text(), z.unknown()),
    action_tool_map_id: z.uuid(),
    evidence: z.object({
      event_ids: z.array(text()),
      interaction_ids: z.array(text()),
      window_id: text(),
      ts: z.number(),
      confidence: z.number(),
      parameters: z.record(text(), z.unknown()).describe("What the pipeline read from the recording."),
      missing_parameters: z.array(text()),
      page_context: z
        .array(
          z.object({
            interaction_id: text(),
            ts: z.number(),
            kind: text(),
            is_source: z.boolean().describe("The action was built from it; the others are its neighbours."),
            element: text().optional().describe("The element as a person would name it."),
            value: text().optional(),
            url: text().optional(),
            title: text().optional(),
            redacted: z
              .array(redactionKindSchema)
              .optional()
              .describe("What was redacted in this element's text or value (kinds, never the value)."),
          }),
        )
        .describe("What the page showed around the action, in time order."),
      timezone: text()
        .nullable()
        .describe("The session's IANA zone the date-times are written in; null when unknown."),
    }),
    decision: z
      .object({
        decision: z.enum(["accept", "reject"]),
        reason: text().nullable(),
        decided_by: z.uuid().nullable(),
        decided_at: timestampSchema,
      })
      .nullable(),
    created_at: timestampSchema,
  })
  .meta({ id: "ReviewItem" });
export type ReviewItemResource = z.infer<typeof reviewItemSchema>;

export const reviewDecisionSchema = z
  .object({
    decision: z.enum(["accept", "reject"]),
    arguments: z
      .record(text(), jsonValue())
      .optional()
      .describe("Accept only: the tool arguments as corrected. Default: the proposal."),
    reason: text().trim().max(2000).optional().describe("Why; recorded with the decision."),
  })
  .strict()
  .refine((body) => body.decision === "accept" || body.arguments === undefined, {
    path: ["arguments"],
    message: "Only an accept carries arguments",
  })
  .meta({
    id: "ReviewDecisionRequest",
    example: { decision: "accept", arguments: { calendarId: "primary", summary: "Design review" } },
  });
export type ReviewDecisionInput = z.infer<typeof reviewDecisionSchema>;

/**
 * The review page's URL (`/review?session=&suite=&action=&reason=&status=&cursor=&prev=`), like the sessions list: each
 * malformed parameter is dropped on its own.
 */
export const reviewListSearchSchema = pageTrailParamsSchema.extend({
  session: z.uuid().optional().catch(undefined),
  suite: text()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
    .optional()
    .catch(undefined),
  action: actionSlugSchema.optional().catch(undefined),
  reason: reviewReasonSchema.optional().catch(undefined),
  status: reviewItemStatusSchema.optional().catch(undefined),
});
export type ReviewListSearch = z.infer<typeof reviewListSearchSchema>;
