import { z } from "zod";
import { text } from "./text";

const isoDay = text()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/,
    "Must be a date (YYYY-MM-DD) or an RFC 3339 time",
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), "Must be a valid date");

export const usageGranularities = ["hour", "day"] as const;
export const usageGroupings = ["kind", "model", "api_key"] as const;

export const usageQuerySchema = z
  .object({
    from: isoDay.describe("Start, inclusive (UTC). Default: 30 days before `to`."),
    to: isoDay.describe("End, exclusive (UTC); a bare date means the end of that day. Default: now."),
    granularity: z.enum(usageGranularities).default("day").describe("Bucket size (UTC)."),
    group_by: z
      .enum(usageGroupings)
      .default("kind")
      .describe("`model` splits token kinds per model; `api_key` splits rows per API key that caused them."),
    format: z.enum(["json", "csv"]).default("json").describe("`csv` downloads the same rows as CSV."),
  })
  .partial({ from: true, to: true });
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const usageRowSchema = z.object({
  start: text().describe("Bucket start, RFC 3339 UTC."),
  kind: z.enum([
    "input_tokens",
    "output_tokens",
    "storage_byte_hours",
    "events_ingested",
    "examples_generated",
    "sessions_processed",
  ]),
  model: text().optional().describe("Model slug (tokens and examples, with `group_by=model`)."),
  api_key_id: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      "With `group_by=api_key`: the API key whose requests caused it (null: the browser or the system).",
    ),
  quantity: z.number(),
  unit: z.enum(["tokens", "byte_hours", "events", "records", "sessions"]),
  amount_usd: z
    .number()
    .optional()
    .describe(
      "Token cost by the price list; storage is priced per period after the free allowance, so not per row.",
    ),
});
export type UsageRow = z.infer<typeof usageRowSchema>;
