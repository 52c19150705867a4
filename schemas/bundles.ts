import { z } from "zod";
import { jsonValue, text } from "./text";

export const BUNDLE_FORMAT = "tracepipe.session-bundle";
export const BUNDLE_VERSION = 1;

const sha256 = text().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");

/** `manifest.json`, the last entry of a session bundle: every other entry with its checksum and size. */
export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  created_at: text(),
  files: z
    .array(z.object({ path: text().max(300), sha256, bytes: z.number().int().nonnegative() }))
    .max(10_000),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** `session.json`: the session as processed (the session's own id is written `{session}` in its metrics). */
export const bundleSessionSchema = z.object({
  description: text().max(2000).nullable(),
  suite_id: z.uuid(),
  suite_ids: z.array(z.uuid()).nullable(),
  timezone: text().max(64).nullable(),
  timezone_source: z.enum(["stated", "recording", "inferred", "unknown"]),
  source_format: text().max(200).nullable(),
  status: z.enum(["completed", "failed"]),
  error: text().max(2000).nullable(),
  event_count: z.number().int().nonnegative(),
  interaction_count: z.number().int().nonnegative(),
  action_count: z.number().int().nonnegative(),
  metrics: z.record(text(), jsonValue()).nullable(),
  created_at: text(),
  completed_at: text().nullable(),
  raw_files: z
    .array(z.object({ path: text().max(300), file_name: text().max(300), format: text().max(64).nullable() }))
    .max(100),
});
export type BundleSession = z.infer<typeof bundleSessionSchema>;

/** `examples/<n>/example.json`, beside that example's `messages.jsonl`. */
export const bundleExampleSchema = z.object({
  model_id: z.uuid(),
  action_tool_map_id: z.uuid(),
  model_configuration: z.record(text(), jsonValue()),
  record_count: z.number().int().nonnegative().nullable(),
  created_at: text(),
  completed_at: text().nullable(),
});

/** A review item's evidence as stored (db/schema/review-items.ts `ReviewItemEvidence`). */
const reviewEvidenceSchema = z.object({
  eventIds: z.array(text()),
  interactionIds: z.array(text()),
  window: text(),
  ts: z.number(),
  confidence: z.number(),
  parameters: z.record(text(), jsonValue()),
  missingParameters: z.array(text()),
  context: z.array(
    z.object({
      interactionId: text(),
      ts: z.number(),
      kind: text(),
      isSource: z.boolean(),
      element: text().optional(),
      value: text().optional(),
      url: text().optional(),
      title: text().optional(),
      redacted: z.array(text()).optional(),
    }),
  ),
  timezone: text().nullable(),
});

/** One line of `review-items.jsonl`: a proposal and its decision, without the reviewer's account. */
export const bundleReviewItemSchema = z.object({
  action_id: text().max(200),
  action: text().max(200),
  suite_id: z.uuid(),
  reasons: z.array(text().max(100)),
  status: z.enum(["pending", "accepted", "rejected"]),
  action_tool_map_id: z.uuid(),
  tool_server: text().max(200),
  tool_name: text().max(200),
  proposed_arguments: z.record(text(), jsonValue()),
  accepted_arguments: z.record(text(), jsonValue()).nullable(),
  decision_reason: text().max(2000).nullable(),
  decided_at: text().nullable(),
  evidence: reviewEvidenceSchema,
  created_at: text(),
});

export const importBundleFieldsSchema = z.object({
  dry_run: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("`true`: validate the bundle and report what it holds, creating nothing."),
});

export const importReportSchema = z.object({
  dry_run: z.boolean(),
  session_id: z.uuid().nullable().describe("The new session (null on a dry run)."),
  files: z.number().int(),
  raw_files: z.number().int(),
  examples: z.number().int(),
  review_items: z.number().int(),
  bytes: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
