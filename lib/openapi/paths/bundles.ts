import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { importReportSchema } from "@/schemas/bundles";
import { uuidParamSchema } from "@/schemas/common";
import { authenticated, json, problems } from "../responses";

export const bundlePaths: ZodOpenApiPathsObject = {
  "/v1/sessions/{id}/bundle": {
    get: {
      tags: ["Data"],
      summary: "Export a session bundle",
      description:
        "A `.tar.gz` of the processed session: `session.json`, the raw recordings still kept, the pipeline artifacts, completed examples (`examples/<n>/example.json` and `messages.jsonl`), `review-items.jsonl` with decisions, and last `manifest.json` (format version and every entry's SHA-256 and size). 409 while the session is processing.",
      security: authenticated,
      requestParams: { path: z.object({ id: uuidParamSchema }) },
      responses: {
        "200": { description: "The bundle.", content: { "application/gzip": { schema: z.string() } } },
        ...problems(403, 404, 409),
      },
    },
  },
  "/v1/sessions/import": {
    post: {
      tags: ["Data"],
      summary: "Import a session bundle",
      description:
        "Multipart `file` (a bundle from the export) becomes a new session of the caller with the same files, byte for byte. `dry_run=true` validates and reports, creating nothing. A file that does not match its checksum, is missing or is not listed in the manifest is refused with 422 naming it. Inflated size is capped like uploads. Needs a `full` API key.",
      security: authenticated,
      requestBody: {
        content: {
          "multipart/form-data": {
            schema: z.object({
              file: z.string().describe("The .tar.gz bundle"),
              dry_run: z.enum(["true", "false"]).optional(),
            }),
          },
        },
      },
      responses: {
        "201": json(importReportSchema, "Imported."),
        "200": json(importReportSchema, "Dry run: what the bundle holds."),
        ...problems(400, 403, 413, 422),
      },
    },
  },
};
