import { z } from "zod";
import { cursorSchema, idOrSlugSchema, limitSchema, timestampSchema } from "./common";
import { text } from "./text";
import { timezoneSchema, timezoneSourceSchema } from "./timezone";

export const sessionStatusSchema = z
  .enum(["open", "uploaded", "processing", "completed", "failed"])
  .describe(
    "`open` accepts streamed events · `uploaded` raw data complete, pipeline queued · `processing` · `completed` · `failed`.",
  );
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const MAX_DESCRIPTION_LENGTH = 2000;
const descriptionSchema = text().trim().max(MAX_DESCRIPTION_LENGTH).optional();

export const MAX_SUITES_PER_SESSION = 5;

const suiteIdSchema = idOrSlugSchema.describe(
  "The suite the recording belongs to: its UUID or slug. Give this or `suite_ids`.",
);
const suiteIdsSchema = z
  .array(idOrSlugSchema)
  .min(1)
  .max(MAX_SUITES_PER_SESSION)
  .describe(
    "Every suite to process the recording for (UUIDs or slugs), e.g. a session that moves between Gmail and Calendar; each gives its own actions and examples. With `suite_id` too, that one comes first.",
  );
/** Multipart fields are strings: `suite_ids` is comma-separated there (or the field repeated). */
const suiteIdsFieldSchema = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : value,
  suiteIdsSchema,
);

const suitesGiven = (input: { suite_id?: string; suite_ids?: string[] }) =>
  Boolean(input.suite_id || input.suite_ids?.length);
const suiteRequired = { message: "Give suite_id or suite_ids", path: ["suite_id"] };

/** `POST /v1/sessions` with a JSON body: opens an empty session for streaming ingest. */
export const createStreamingSessionSchema = z
  .object({
    suite_id: suiteIdSchema.optional(),
    suite_ids: suiteIdsSchema.optional(),
    description: descriptionSchema.describe("What the person did in the recording."),
    timezone: timezoneSchema.optional(),
  })
  .refine(suitesGiven, suiteRequired)
  .meta({
    id: "CreateSessionRequest",
    example: { suite_id: "gmail", description: "Send a follow-up email to Ana", timezone: "Europe/Berlin" },
  });
export type CreateStreamingSessionInput = z.infer<typeof createStreamingSessionSchema>;

/** The file name of a multipart `file` part, checked as a field named `file` so an error names it. */
export const uploadFileNameSchema = z.object({ file: text().max(1024) });

/** The non-file fields of the multipart upload (`file` parts carry the recordings). */
export const uploadSessionFieldsSchema = z
  .object({
    suite_id: idOrSlugSchema.optional(),
    suite_ids: suiteIdsFieldSchema.optional(),
    description: descriptionSchema,
    timezone: timezoneSchema.optional(),
  })
  .refine(suitesGiven, suiteRequired);
export type UploadSessionFields = z.infer<typeof uploadSessionFieldsSchema>;

export const uploadSessionMultipartSchema = z
  .object({
    suite_id: suiteIdSchema.optional(),
    suite_ids: text()
      .optional()
      .describe("Comma-separated suites to process the recording for (or repeat the field); see `suite_id`."),
    description: descriptionSchema,
    timezone: timezoneSchema.optional(),
    file: z
      .array(text().meta({ format: "binary" }))
      .describe(
        "One or more recordings (repeat the field): native `input_events.jsonl`, rrweb JSON, a DevTools Recorder flow or a Chrome trace; `.gz` accepted.",
      ),
  })
  .meta({ id: "UploadSessionRequest" });

export const sessionSchema = z
  .object({
    id: z.uuid(),
    suite_id: z.uuid(),
    description: text().nullable(),
    storage_path: text().describe("Storage prefix of the session's raw files: `sessions/<id>/`."),
    status: sessionStatusSchema,
    created_at: timestampSchema,
  })
  .meta({
    id: "Session",
    example: {
      id: "0b6f3f7e-2c55-4d1f-9a59-4a6b1f7d2c11",
      suite_id: "8e3c1c4d-7b0a-5f43-9a1e-2f1f0c7d9e55",
      description: "Send a follow-up email to Ana",
      storage_path: "sessions/0b6f3f7e-2c55-4d1f-9a59-4a6b1f7d2c11/",
      status: "open",
      created_at: "2026-11-21T12:00:00.000Z",
    },
  });
export type SessionResponse = z.infer<typeof sessionSchema>;

export const sessionFileSchema = z
  .object({
    id: z.uuid(),
    file_name: text(),
    size_bytes: z.number().int(),
    format: text().nullable().describe("Detected recording format, e.g. `native`, `rrweb`, `chrome-trace`."),
    created_at: timestampSchema,
  })
  .meta({ id: "SessionFile" });

export const sessionDetailSchema = sessionSchema
  .extend({
    suite_ids: z.array(z.uuid()).describe("Every suite the session is processed for, `suite_id` first."),
    suite_notice: text()
      .nullable()
      .describe(
        'Set when no window of the recording belongs to the chosen suites, e.g. "This recording looks like Gmail, not GitHub".',
      ),
    timezone: text()
      .nullable()
      .describe(
        "IANA zone calendar times are written in; null while unknown (date-time actions then need review).",
      ),
    timezone_source: timezoneSourceSchema,
    source_format: text().nullable(),
    event_count: z.number().int().describe("Events stored (streamed events, or events imported from files)."),
    interaction_count: z.number().int(),
    action_count: z.number().int(),
    raw_bytes: z.number().int(),
    metrics: z.record(text(), z.unknown()).nullable().describe("Pipeline metrics per stage, once run."),
    error: text().nullable(),
    files: z.array(sessionFileSchema),
    updated_at: timestampSchema,
    completed_at: timestampSchema.nullable(),
    retention: z
      .object({
        raw_deleted_at: timestampSchema.nullable(),
        raw_delete_at: timestampSchema
          .nullable()
          .describe("When retention will delete the raw recordings; null when kept (or already deleted)."),
        derived_deleted_at: timestampSchema.nullable(),
        derived_delete_at: timestampSchema.nullable(),
        notice: text().describe('What remains, for people: "Raw recording deleted after 30 days."'),
      })
      .describe("What the account's retention keeps of this session."),
  })
  .meta({ id: "SessionDetail" });

export const sessionListOrderSchema = z
  .enum(["newest", "oldest"])
  .describe("`newest` (default) lists the latest session first; `oldest` the earliest.");
export type SessionListOrder = z.infer<typeof sessionListOrderSchema>;

export const MAX_SESSION_SEARCH_LENGTH = 200;

export const listSessionsQuerySchema = z.object({
  limit: limitSchema,
  cursor: cursorSchema
    .optional()
    .describe("Opaque cursor from the previous page's `next_cursor`, made for the same `order`."),
  order: sessionListOrderSchema.default("newest"),
  q: text()
    .trim()
    .max(MAX_SESSION_SEARCH_LENGTH)
    .optional()
    .describe(
      "Case-insensitive search: sessions whose description, suite name or suite slug contains the text, or whose id starts with it. `%` and `_` match themselves; empty means no search.",
    ),
  suite_id: idOrSlugSchema.optional().describe("Only sessions of this suite (UUID or slug)."),
  status: sessionStatusSchema.optional(),
  created_after: timestampSchema.optional().describe("Only sessions created at or after this instant."),
  created_before: timestampSchema.optional().describe("Only sessions created before this instant."),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuerySchema>;

export const sessionListSchema = z
  .object({
    data: z.array(sessionSchema),
    next_cursor: text().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "SessionList" });

export const MAX_DIRECT_UPLOAD_BYTES = 5 * 1024 * 1024 * 1024;

export const beginUploadSchema = z
  .object({
    files: z
      .array(
        z.object({
          file_name: text().min(1).max(255),
          size_bytes: z
            .number()
            .int()
            .min(1)
            .max(MAX_DIRECT_UPLOAD_BYTES)
            .describe("Exact size of the file in bytes (≤ 5 GB)."),
        }),
      )
      .min(1)
      .max(20),
  })
  .meta({
    id: "BeginUploadRequest",
    example: { files: [{ file_name: "trace.json.gz", size_bytes: 1073741824 }] },
  });
export type BeginUploadInput = z.infer<typeof beginUploadSchema>;

export const beginUploadResponseSchema = z
  .object({
    session_id: z.uuid().describe("The id the session will have once the upload is completed."),
    session_token: text().describe(
      "Pass to `POST /v1/uploads/complete` (and as `clientPayload` to Vercel Blob).",
    ),
    mode: z
      .enum(["local", "vercel-blob"])
      .describe(
        "`local`: PUT each file to its `upload_url`. `vercel-blob`: use `@vercel/blob/client` `upload()` with `handle_upload_url`.",
      ),
    handle_upload_url: text().nullable(),
    expires_at: timestampSchema,
    uploads: z.array(
      z.object({
        file_name: text(),
        key: text().describe("Storage key (Vercel Blob pathname) of the file."),
        upload_url: text().nullable().describe("`local` mode: PUT the raw file bytes here."),
      }),
    ),
  })
  .meta({ id: "BeginUploadResponse" });

export const completeUploadSchema = z
  .object({
    session_token: text().min(1),
    suite_id: suiteIdSchema.optional(),
    suite_ids: suiteIdsSchema.optional(),
    description: descriptionSchema,
    timezone: timezoneSchema.optional(),
    files: z
      .array(z.object({ key: text().min(1), file_name: text().min(1).max(255) }))
      .min(1)
      .max(20)
      // A key listed twice would store its events twice: each reserved file is completed once.
      .superRefine((files, ctx) => {
        const seen = new Set<string>();
        files.forEach((file, index) => {
          if (seen.has(file.key))
            ctx.addIssue({
              code: "custom",
              path: [index, "key"],
              message: `'${file.key}' is listed more than once`,
            });
          seen.add(file.key);
        });
      }),
  })
  .refine(suitesGiven, suiteRequired)
  .meta({ id: "CompleteUploadRequest" });
export type CompleteUploadInput = z.infer<typeof completeUploadSchema>;
