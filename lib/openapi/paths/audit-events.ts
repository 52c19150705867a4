import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditEventPageSchema, listAuditEventsQuerySchema } from "@/schemas/audit-events";
import { authenticated, problems } from "../responses";

export const auditEventPaths: ZodOpenApiPathsObject = {
  "/v1/audit-events": {
    get: {
      tags: ["Account"],
      summary: "List audit events",
      description:
        "The workspace's append-only audit log, newest first, keyset-paginated. Each entry carries `hash` and `prev_hash`: the entries form a SHA-256 chain per workspace that the caller can verify. `format=csv` downloads every matching entry (formula characters escaped). Needs a full-scope credential of a workspace admin.",
      security: authenticated,
      requestParams: { query: listAuditEventsQuerySchema },
      responses: {
        "200": {
          description: "A page of entries, or the CSV file.",
          content: {
            "application/json": { schema: auditEventPageSchema },
            "text/csv": { schema: z.string() },
          },
        },
        ...problems(403, 422),
      },
    },
  },
};
