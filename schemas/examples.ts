import { z } from "zod";
import { ap2ReceiptSchema } from "./ap2";
import { pageTrailParamsSchema } from "./page-trail";
import { hasNoNul, NUL_MESSAGE, text } from "./text";

/** A catalog reference: the stable UUID of the entry or its slug. */
const catalogReference = text().trim().min(1).max(200);

export const createExampleSchema = z
  .object({
    session_id: z.uuid().describe("The session whose gold actions become examples; it must be yours."),
    model_id: catalogReference
      .optional()
      .describe("Model id or slug. Default: `tracepipe-rules-1`, the offline template model."),
    action_tool_map_id: catalogReference
      .optional()
      .describe("Action-tool map id or slug. May be omitted when the session's suite has exactly one map."),
    model_configuration: z
      .record(text(), z.unknown())
      .default({})
      .describe("Passed to LLM models (e.g. `temperature`, `format`, `multi_step`)."),
    callback_url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine(hasNoNul, { message: NUL_MESSAGE })
      .optional()
      .describe("Receives a signed POST when the example completes or fails."),
  })
  .strict();

export type CreateExampleInput = z.infer<typeof createExampleSchema>;

/** Options read from `model_configuration` that shape the output rather than the model call. */
export const exampleOutputOptionsSchema = z
  .object({
    format: z.enum(["openai", "anthropic", "sharegpt", "gemini"]).default("openai"),
    multi_step: z.boolean().default(false),
  })
  .loose();

export const listExamplesQuerySchema = z.object({
  session_id: z.uuid().optional(),
  suite_id: text().trim().min(1).optional(),
  model_id: text().trim().min(1).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type ListExamplesQuery = z.infer<typeof listExamplesQuerySchema>;

/**
 * The examples page's URL (`/examples?session=&suite=&model=&cursor=&prev=`): filters and the keyset page, so a
 * view can be shared, reloaded and walked with back/forward. Each malformed parameter is dropped on its own.
 */
export const exampleListSearchSchema = pageTrailParamsSchema.extend({
  session: z.uuid().optional().catch(undefined),
  suite: z.uuid().optional().catch(undefined),
  model: z.uuid().optional().catch(undefined),
});

export type ExampleListSearchInput = z.input<typeof exampleListSearchSchema>;

export const exampleStatusSchema = z.enum(["pending", "processing", "completed", "failed"]);

export const exampleSchema = z.object({
  id: z.uuid(),
  object: z.literal("example"),
  session_id: z.uuid(),
  suite_id: z.uuid(),
  model_id: z.uuid(),
  action_tool_map_id: z.uuid(),
  model_configuration: z.record(text(), z.unknown()),
  status: exampleStatusSchema,
  error: text().nullable(),
  record_count: z.number().int().nullable(),
  size_bytes: z.number().int().nullable(),
  callback_url: text().nullable(),
  messages_url: text().describe("`GET` streams the JSONL records as application/x-ndjson."),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable(),
  payment: ap2ReceiptSchema
    .optional()
    .describe("AP2 only (`POST /v1/ap2/examples`): the payment authorised for it and what was captured."),
});

export type ExampleResource = z.infer<typeof exampleSchema>;

/** The body of a callback POST. */
export const exampleCallbackSchema = z.object({
  type: z.enum(["example.completed", "example.failed"]),
  created_at: z.iso.datetime(),
  data: exampleSchema,
});

export type ExampleCallback = z.infer<typeof exampleCallbackSchema>;

export const timelineLayerSchema = z.enum(["events", "interactions", "windows", "actions", "issues"]);

/** One page of a session's pipeline artifact for the explorer: by position (`after`) and/or time range. */
export const timelineQuerySchema = z.object({
  layer: timelineLayerSchema.default("events"),
  after: z.coerce
    .number()
    .int()
    .min(-1)
    .default(-1)
    .describe("Position (`seq`) of the last item already seen; the page starts after it."),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  from_ts: z.coerce.number().optional().describe("Only items at or after this epoch-ms time."),
  to_ts: z.coerce.number().optional().describe("Only items before this epoch-ms time."),
});

export type TimelineQuery = z.infer<typeof timelineQuerySchema>;
