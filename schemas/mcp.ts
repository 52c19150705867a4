import { z } from "zod";
import type { apiKeyScopeSchema } from "./api-keys";
import { actionToolMapListSchema, suiteDetailSchema, suiteListSchema } from "./catalog-api";
import { idOrSlugSchema } from "./common";
import { createExampleSchema, exampleSchema } from "./examples";
import { ingestAcceptedSchema, ingestEventSchema, MAX_EVENTS_PER_REQUEST } from "./ingest";
import { listReviewItemsQuerySchema, reviewDecisionSchema, reviewItemSchema } from "./review-items";
import {
  createStreamingSessionSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionSchema,
} from "./sessions";
import { jsonValue, text } from "./text";

// The MCP tools' arguments and results: the REST API's own schemas, with the path parameter as a property.

// `.extend({})` copies a REST schema without its OpenAPI component id: MCP wants `type: "object"` at the root
// of a tool's input and output schema, and a schema with an id would be emitted as a `$ref` to its definition.

const sessionIdArgument = z
  .uuid()
  .describe("The session's id, as `create_session` or `list_sessions` gave it.");
const exampleIdArgument = z.uuid().describe("The example's id, as `create_example` gave it.");

export const mcpToolInputs = {
  list_suites: z.object({}),
  get_suite: z.object({ suite_id: idOrSlugSchema.describe("The suite's UUID or slug, e.g. `gmail`.") }),
  list_action_tool_maps: z.object({}),
  list_sessions: listSessionsQuerySchema.extend({}),
  get_session: z.object({ session_id: sessionIdArgument }),
  create_session: createStreamingSessionSchema.safeExtend({
    // A refined schema cannot be `.extend`ed; restating one property copies it all the same.
    suite_id: createStreamingSessionSchema.shape.suite_id,
  }),
  append_events: z.object({
    session_id: sessionIdArgument,
    events: z
      .array(ingestEventSchema)
      .min(1)
      .max(MAX_EVENTS_PER_REQUEST)
      .describe(
        "Native events with client-chosen ids, in recording order. Re-sending an id stores nothing (a duplicate), so a retry is safe.",
      ),
  }),
  complete_session: z.object({ session_id: sessionIdArgument }),
  create_example: createExampleSchema.extend({}),
  get_example: z.object({ example_id: exampleIdArgument }),
  get_example_messages: z.object({
    example_id: exampleIdArgument,
    offset: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe("Records to skip (the previous page's `next_offset`)."),
    limit: z.number().int().min(1).max(100).default(20).describe("Records per page, 1–100 (default 20)."),
  }),
  list_review_items: listReviewItemsQuerySchema.extend({}),
  decide_review_item: reviewDecisionSchema.safeExtend({
    review_item_id: z.uuid().describe("The review item's id, from `list_review_items`."),
  }),
} as const;

export const mcpToolOutputs = {
  list_suites: suiteListSchema.extend({}),
  get_suite: suiteDetailSchema.extend({}),
  list_action_tool_maps: actionToolMapListSchema.extend({}),
  list_sessions: sessionListSchema.extend({}),
  get_session: sessionDetailSchema.extend({}),
  create_session: sessionSchema.extend({}),
  append_events: ingestAcceptedSchema.extend({}),
  complete_session: sessionSchema.extend({ event_count: z.number().int() }),
  create_example: exampleSchema.extend({}),
  get_example: exampleSchema.extend({}),
  get_example_messages: z.object({
    example_id: z.uuid(),
    records: z.array(jsonValue()).describe("The example's JSONL records, one value per line."),
    next_offset: z
      .number()
      .int()
      .nullable()
      .describe("Pass as `offset` for the next page; null on the last."),
  }),
  list_review_items: z.object({
    data: z.array(reviewItemSchema),
    next_cursor: text().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  }),
  decide_review_item: reviewItemSchema.extend({}),
} as const;

export type McpToolName = keyof typeof mcpToolInputs;

/** The scope an API key needs to see and call each tool, the same as its REST route's. */
export const mcpToolScopes: Record<McpToolName, readonly z.infer<typeof apiKeyScopeSchema>[]> = {
  list_suites: ["read", "ingest"],
  get_suite: ["read", "ingest"],
  list_action_tool_maps: ["read", "ingest"],
  list_sessions: ["read"],
  get_session: ["read"],
  create_session: ["ingest"],
  append_events: ["ingest"],
  complete_session: ["ingest"],
  create_example: ["full"],
  get_example: ["read"],
  get_example_messages: ["read"],
  list_review_items: ["read"],
  decide_review_item: ["full"],
};
