import { z } from "zod";
import { AUDIT_ACTOR_TYPES, AUDIT_EVENT_TYPES } from "@/lib/audit/audit-event-types";
import { limitSchema, timestampSchema } from "./common";
import { text } from "./text";

const dayOrTimeSchema = z
  .union([timestampSchema, z.iso.date()])
  .describe(
    "An RFC 3339 time, or a date (`YYYY-MM-DD`, UTC): `from` is its start, `to` includes the whole day.",
  );

export const listAuditEventsQuerySchema = z.object({
  cursor: text()
    .max(20)
    .regex(/^[0-9]+$/)
    .optional()
    .describe("Opaque cursor from the previous page's `next_cursor`."),
  type: z.enum(AUDIT_EVENT_TYPES).optional().describe("Only entries of this type."),
  actor: text()
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional()
    .describe(
      "Only entries by this actor: `user:<id>`, `api_key:<id>`, `system:stripe`, `anonymous`, or a bare id.",
    )
    .meta({ example: "api_key:7d8c7f4e-6a55-4d5e-9a0e-6c1b3f2a9d10" }),
  from: dayOrTimeSchema.optional(),
  to: dayOrTimeSchema.optional(),
  limit: limitSchema,
  format: z.enum(["json", "csv"]).default("json").describe("`csv` streams every matching entry as a file."),
});
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;

const jsonObject = z.record(text(), z.unknown());

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    workspace_id: z.uuid(),
    seq: z.number().int().describe("Position in the workspace's chain, from 1."),
    type: z.enum(AUDIT_EVENT_TYPES),
    actor: z.object({ type: z.enum(AUDIT_ACTOR_TYPES), id: text().nullable() }),
    target: z.object({ type: text(), id: text() }).nullable(),
    request_id: text().nullable(),
    ip: text().nullable(),
    user_agent: text().nullable(),
    before: jsonObject.nullable(),
    after: jsonObject.nullable(),
    metadata: jsonObject,
    created_at: timestampSchema,
    prev_hash: text().nullable().describe("`hash` of the previous entry of the chain; null on the first."),
    hash: text().describe("Hex SHA-256 of the entry's RFC 8785 canonical JSON, `prev_hash` included."),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventResource = z.infer<typeof auditEventSchema>;

export const auditEventPageSchema = z.object({
  data: z.array(auditEventSchema),
  next_cursor: text()
    .nullable()
    .describe("Pass as `cursor` for the next (older) page; null on the last page."),
});

const dateParam = z.iso.date().optional().catch(undefined);

/** The Settings → Audit log page's URL: filters and the page trail. A malformed parameter is dropped alone. */
export const auditLogSearchSchema = z.object({
  type: z.enum(AUDIT_EVENT_TYPES).optional().catch(undefined),
  actor: listAuditEventsQuerySchema.shape.actor.catch(undefined),
  from: dateParam,
  to: dateParam,
});
export type AuditLogSearch = z.infer<typeof auditLogSearchSchema>;
