import { z } from "zod";
import { nativeEventSchema } from "./events";
import { text } from "./text";

/** Streaming ingest limits, part of the API contract (documented in the OpenAPI document). */
export const MAX_INGEST_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_EVENTS_PER_REQUEST = 10_000;
export const IDEMPOTENCY_TTL_HOURS = 24;

/** An event sent to `POST /v1/sessions/{id}/events`: the native event with its client id required. */
export const ingestEventSchema = nativeEventSchema
  .extend({
    id: text()
      .min(1)
      .max(128)
      .describe("Client-chosen id, unique within the session; an id already stored is a duplicate."),
  })
  .meta({
    id: "IngestEvent",
    example: {
      id: "evt-000001",
      timestamp: 1763726400000,
      type: "click",
      url: "https://mail.google.com/mail/u/0/#inbox",
      target: { tag: "div", role: "button", text: "Compose" },
    },
  });

export const ingestBatchSchema = z
  .array(ingestEventSchema)
  .describe("A JSON array of events (or send NDJSON with `Content-Type: application/x-ndjson`).")
  .meta({ id: "IngestBatch" });

export const ingestAcceptedSchema = z
  .object({
    accepted: z.number().int().describe("Events stored by this request."),
    duplicates: z
      .number()
      .int()
      .describe("Events whose id was already stored; acknowledged, not stored twice."),
  })
  .meta({ id: "IngestAccepted", example: { accepted: 498, duplicates: 2 } });

export const rejectedEventSchema = z
  .object({
    index: z.number().int().describe("Position of the item in the array (or line number − 1 in NDJSON)."),
    id: text().nullable(),
    code: text().describe("`invalid_json`, `invalid_type`, `missing_id`, …"),
    field: text().describe("Dotted path of the offending field, `(root)` for the whole item."),
    message: text(),
  })
  .meta({ id: "RejectedEvent" });
export type RejectedEvent = z.infer<typeof rejectedEventSchema>;

export const ingestPartialSchema = ingestAcceptedSchema
  .extend({ rejected: z.array(rejectedEventSchema) })
  .meta({
    id: "IngestPartial",
    example: {
      accepted: 499,
      duplicates: 0,
      rejected: [
        { index: 17, id: "evt-18", code: "invalid_value", field: "type", message: "Invalid option" },
      ],
    },
  });
export type IngestResult = z.infer<typeof ingestPartialSchema>;
