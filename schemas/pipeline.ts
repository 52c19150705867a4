import { z } from "zod";
import { eventTargetSchema } from "@/schemas/events";

/**
 * Shapes of the silver and gold layers and of the per-run metrics. Interactions are what a person did (typed a
 * value, clicked, chose); windows group them by tab, origin and page kind; gold actions are catalog actions with
 * parameters, each traceable to the raw event ids it came from.
 */

export const interactionKindSchema = z.enum([
  "type",
  "click",
  "dblclick",
  "select",
  "check",
  "press",
  "submit",
  "navigate",
  "scroll",
]);

export const interactionSchema = z.object({
  id: z.string(),
  kind: interactionKindSchema,
  ts: z.number().describe("Epoch ms of the first raw event."),
  endTs: z.number().describe("Epoch ms of the last raw event."),
  tab: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  target: eventTargetSchema.optional(),
  fieldKey: z
    .string()
    .optional()
    .describe("Stable key of the field an interaction edits (type/select/check)."),
  value: z.string().optional().describe("Final typed or chosen value; absent when masked."),
  chips: z.array(z.string()).optional().describe("Tokens committed as chips (e.g. Gmail recipients)."),
  checked: z.boolean().optional(),
  key: z.string().optional().describe("The key of a `press` (Enter, Escape)."),
  modifiers: z.array(z.string()).optional(),
  masked: z.boolean().optional(),
  eventIds: z.array(z.string()),
});

export const windowSchema = z.object({
  id: z.string(),
  tab: z.string(),
  origin: z.string(),
  pageKind: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  startTs: z.number(),
  endTs: z.number(),
  interactionIds: z.array(z.string()),
});

/**
 * Why a gold action needs a person: `low_confidence` (weak evidence), `missing_required_argument` (the recording
 * cannot show a required value, e.g. a Recorder flow has no page text), `trace_only` (a Chrome trace shows the
 * action but not what was typed), `timezone_unknown` (a datetime with no zone evidence).
 */
export const reviewReasonSchema = z.enum([
  "low_confidence",
  "missing_required_argument",
  "trace_only",
  "timezone_unknown",
]);

export const parameterValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const goldActionSchema = z.object({
  id: z.string(),
  slug: z.string(),
  parameters: z.record(z.string(), parameterValueSchema),
  confidence: z.number().min(0).max(1),
  needsReview: z.boolean(),
  source: z.enum(["rules", "llm"]),
  interactionIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  window: z.string().describe("Id of the window the committing interaction belongs to."),
  ts: z.number(),
  missingParameters: z.array(z.string()).optional(),
  reviewReasons: z
    .array(reviewReasonSchema)
    .optional()
    .describe("Why the action needs review (machine-readable); present when needsReview is true."),
});

export const toolCallSchema = z.object({
  action: z.string().describe("Gold action id."),
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});

export const stageMetricsSchema = z.object({
  inputCount: z.number(),
  outputCount: z.number(),
  ms: z.number(),
});

export const pipelineMetricsSchema = z.object({
  events: z.number(),
  interactions: z.number(),
  windows: z.number(),
  actions: z.number(),
  mergeRatios: z
    .record(z.string(), z.object({ events: z.number(), interactions: z.number(), ratio: z.number() }))
    .describe("Raw events per interaction, per interaction kind."),
  confidence: z.object({
    min: z.number().nullable(),
    mean: z.number().nullable(),
    max: z.number().nullable(),
    needsReview: z.number(),
    histogram: z.array(z.number()).describe("Counts per 0.1-wide confidence bucket, [0,0.1) … [0.9,1]."),
  }),
  stages: z.object({ silver: stageMetricsSchema, gold: stageMetricsSchema }),
  llm: z
    .object({
      model: z.string().optional(),
      calls: z.number(),
      inputTokens: z.number(),
      outputTokens: z.number(),
    })
    .optional()
    .describe("Tokens used by LLM classification, with the model that used them."),
  timezone: z.string().optional(),
});

export type InteractionKind = z.infer<typeof interactionKindSchema>;
export type Interaction = z.infer<typeof interactionSchema>;
export type Window = z.infer<typeof windowSchema>;
export type ParameterValue = z.infer<typeof parameterValueSchema>;
export type ReviewReason = z.infer<typeof reviewReasonSchema>;
export type GoldAction = z.infer<typeof goldActionSchema>;
export type ToolCall = z.infer<typeof toolCallSchema>;
export type PipelineMetrics = z.infer<typeof pipelineMetricsSchema>;
