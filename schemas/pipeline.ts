import { z } from "zod";
import { eventTargetSchema } from "@/schemas/events";
import { redactionKindSchema } from "./data-policy";
import { text } from "./text";

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
  "appear",
  "disappear",
]);

export const interactionSchema = z.object({
  id: text(),
  kind: interactionKindSchema,
  ts: z.number().describe("Epoch ms of the first raw event."),
  endTs: z.number().describe("Epoch ms of the last raw event."),
  tab: text(),
  url: text().optional(),
  title: text().optional(),
  target: eventTargetSchema.optional(),
  fieldKey: text().optional().describe("Stable key of the field an interaction edits (type/select/check)."),
  value: text().optional().describe("Final typed or chosen value; absent when masked."),
  chips: z.array(text()).optional().describe("Tokens committed as chips (e.g. Gmail recipients)."),
  checked: z.boolean().optional(),
  key: text().optional().describe("The key of a `press` (Enter, Escape)."),
  modifiers: z.array(text()).optional(),
  masked: z.boolean().optional(),
  redacted: z
    .array(redactionKindSchema)
    .optional()
    .describe("What bronze redacted in the interaction's events (kinds only)."),
  eventIds: z.array(text()),
});

export const windowSchema = z.object({
  id: text(),
  tab: text(),
  origin: text(),
  pageKind: text(),
  suite: text()
    .optional()
    .describe(
      "Catalog suite the window belongs to, detected from its host, title and path; absent when none matched.",
    ),
  url: text().optional(),
  title: text().optional(),
  startTs: z.number(),
  endTs: z.number(),
  interactionIds: z.array(text()),
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

export const parameterValueSchema = z.union([text(), z.number(), z.boolean(), z.array(text())]);

export const goldActionSchema = z.object({
  id: text(),
  slug: text(),
  parameters: z.record(text(), parameterValueSchema),
  confidence: z.number().min(0).max(1),
  needsReview: z.boolean(),
  source: z.enum(["rules", "llm"]),
  interactionIds: z.array(text()),
  eventIds: z.array(text()),
  window: text().describe("Id of the window the committing interaction belongs to."),
  suite: text()
    .optional()
    .describe("Catalog suite slug of the action, in a session processed for several suites."),
  ts: z.number(),
  missingParameters: z.array(text()).optional(),
  reviewReasons: z
    .array(reviewReasonSchema)
    .optional()
    .describe("Why the action needs review (machine-readable); present when needsReview is true."),
});

export const toolCallSchema = z.object({
  action: text().describe("Gold action id."),
  tool: text(),
  arguments: z.record(text(), z.unknown()),
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
    .record(text(), z.object({ events: z.number(), interactions: z.number(), ratio: z.number() }))
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
      model: text().optional(),
      calls: z.number(),
      inputTokens: z.number(),
      outputTokens: z.number(),
    })
    .optional()
    .describe("Tokens used by LLM classification, with the model that used them."),
  timezone: text().optional(),
  detectedSuites: z
    .array(z.object({ suite: text(), windows: z.number(), interactions: z.number() }))
    .optional()
    .describe(
      "Windows and interactions per detected suite (`unknown` when none matched), most interactions first: a session processed for one suite whose windows belong to another says so.",
    ),
});

export type InteractionKind = z.infer<typeof interactionKindSchema>;
export type Interaction = z.infer<typeof interactionSchema>;
export type Window = z.infer<typeof windowSchema>;
export type ParameterValue = z.infer<typeof parameterValueSchema>;
export type ReviewReason = z.infer<typeof reviewReasonSchema>;
export type GoldAction = z.infer<typeof goldActionSchema>;
export type ToolCall = z.infer<typeof toolCallSchema>;
export type PipelineMetrics = z.infer<typeof pipelineMetricsSchema>;
