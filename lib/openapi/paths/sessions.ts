import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { uuidParamSchema } from "@/schemas/common";
import {
  ingestAcceptedSchema,
  ingestBatchSchema,
  ingestPartialSchema,
  MAX_INGEST_BODY_BYTES,
} from "@/schemas/ingest";
import {
  createStreamingSessionSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
  sessionListSchema,
  sessionSchema,
  uploadSessionMultipartSchema,
} from "@/schemas/sessions";
import { authenticated, json, problems } from "../responses";

const idPath = z.object({ id: uuidParamSchema });
const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .describe("Replays the first successful response for the same key within 24 hours."),
});

export const sessionPaths: ZodOpenApiPathsObject = {
  "/v1/sessions": {
    get: {
      tags: ["Sessions"],
      summary: "List your sessions",
      description:
        "Newest first (or `order=oldest`), optionally searched with `q` and filtered, keyset-paginated: pass `next_cursor` as `cursor` with the same query until it is null. A cursor made for one `order` is refused (400) with the other; query parameters that fail validation are a 422 with per-field `errors`, as everywhere in the API.",
      security: authenticated,
      requestParams: { query: listSessionsQuerySchema },
      responses: { "200": json(sessionListSchema, "A page of sessions."), ...problems(400, 422) },
    },
    post: {
      tags: ["Sessions"],
      summary: "Upload recordings, or open a session for streaming",
      description:
        "`multipart/form-data` with one or more `file` parts creates a session from recordings (≤ 100 MB per request; larger files use the direct upload at `/v1/uploads`) and starts the pipeline. `application/json` opens an empty session that accepts `POST /v1/sessions/{id}/events` until it is completed.",
      security: authenticated,
      requestParams: { header: idempotencyHeader },
      requestBody: {
        content: {
          "multipart/form-data": { schema: uploadSessionMultipartSchema },
          "application/json": { schema: createStreamingSessionSchema },
        },
      },
      responses: { "201": json(sessionSchema, "The session."), ...problems(400, 413, 415, 422) },
    },
  },
  "/v1/sessions/{id}": {
    get: {
      tags: ["Sessions"],
      summary: "Get a session",
      description: "Metadata, counts, files, status and pipeline metrics.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: { "200": json(sessionDetailSchema, "The session."), ...problems(404) },
    },
    delete: {
      tags: ["Sessions"],
      summary: "Delete a session",
      description:
        "Removes the session, its stored files and everything derived from it. Needs a full-scope credential.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: { "204": { description: "Deleted." }, ...problems(403, 404) },
    },
  },
  "/v1/sessions/{id}/events": {
    post: {
      tags: ["Streaming ingest"],
      summary: "Append events to an open session",
      description: `A JSON array (or NDJSON with \`Content-Type: application/x-ndjson\`) of events in the native format, each with a client-chosen \`id\`. \`Content-Encoding: gzip\` is accepted; at most ${MAX_INGEST_BODY_BYTES / 1024 / 1024} MB after decompression. An id already stored is a duplicate: acknowledged, not stored twice. Acknowledged events are committed.`,
      security: authenticated,
      requestParams: { path: idPath, header: idempotencyHeader },
      requestBody: {
        content: {
          "application/json": { schema: ingestBatchSchema },
          "application/x-ndjson": { schema: z.string().describe("One event object per line.") },
        },
      },
      responses: {
        "202": json(ingestAcceptedSchema, "Every event accepted (stored or duplicate)."),
        "207": json(ingestPartialSchema, "Some events rejected; the valid ones were stored."),
        ...problems(400, 404, 409, 413, 415),
      },
    },
  },
  "/v1/sessions/{id}/complete": {
    post: {
      tags: ["Streaming ingest"],
      summary: "Complete a streaming session",
      description:
        "Closes the session (later events get 409) and starts the pipeline. Completing again is harmless.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: {
        "200": json(sessionSchema.extend({ event_count: z.number().int() }), "The closed session."),
        ...problems(404),
      },
    },
  },
};
