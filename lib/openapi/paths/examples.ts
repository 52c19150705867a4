import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { uuidParamSchema } from "@/schemas/common";
import { createExampleSchema, exampleSchema, listExamplesQuerySchema } from "@/schemas/examples";
import { authenticated, json, problems } from "../responses";

const idPath = z.object({ id: uuidParamSchema });
const exampleResource = exampleSchema.meta({ id: "Example" });

export const examplePaths: ZodOpenApiPathsObject = {
  "/v1/examples": {
    post: {
      tags: ["Examples"],
      summary: "Generate training examples from a session",
      description:
        "Queues generation and answers 202 with `status: pending`; the example moves to `processing`, then `completed` or `failed`. `model_id` defaults to `tracepipe-rules-1`; `action_tool_map_id` may be omitted when the suite has one map. `callback_url` receives a signed POST when it finishes. Accepted review items of the session become records (with `metadata.provenance`). An example that would have 0 records is refused with 422 `no_records` and `pending_review_count` (a session still processing fails its example with the same explanation instead).",
      security: authenticated,
      requestBody: {
        content: {
          "application/json": {
            schema: createExampleSchema.meta({
              id: "CreateExampleRequest",
              example: {
                session_id: "0b6f3f7e-2c55-4d1f-9a59-4a6b1f7d2c11",
                model_id: "tracepipe-rules-1",
                action_tool_map_id: "gmail-to-gmail-mcp",
                model_configuration: { format: "openai" },
              },
            }),
          },
        },
      },
      responses: {
        "202": json(exampleResource, "The queued example."),
        ...problems(402, 403, 404, 409, 422),
      },
    },
    get: {
      tags: ["Examples"],
      summary: "List your examples",
      description: "Newest first with cursor pagination; filter by session, suite or model (ids or slugs).",
      security: authenticated,
      requestParams: { query: listExamplesQuerySchema },
      responses: {
        "200": json(
          z.object({
            object: z.literal("list"),
            data: z.array(exampleResource),
            has_more: z.boolean(),
            next_cursor: z.string().nullable(),
          }),
          "A page of examples.",
        ),
        ...problems(422),
      },
    },
  },
  "/v1/examples/{id}": {
    get: {
      tags: ["Examples"],
      summary: "Get an example",
      security: authenticated,
      requestParams: { path: idPath },
      responses: { "200": json(exampleResource, "The example and its status."), ...problems(403, 404) },
    },
    delete: {
      tags: ["Examples"],
      summary: "Delete an example",
      description:
        "Removes the example and its stored JSONL (its storage is no longer metered). The session is kept. Needs a full-scope credential.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: { "204": { description: "Deleted." }, ...problems(403, 404) },
    },
  },
  "/v1/examples/{id}/messages": {
    get: {
      tags: ["Examples"],
      summary: "Download the example's JSONL",
      description:
        "Streams one training record per line (`application/x-ndjson`); 409 until the example is completed.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: {
        "200": {
          description: "JSONL records in the requested format (OpenAI chat with `tools` by default).",
          content: { "application/x-ndjson": { schema: z.string() } },
        },
        ...problems(403, 404, 409),
      },
    },
  },
  "/v1/examples/callback-secret": {
    get: {
      tags: ["Examples"],
      summary: "Your callback signing secret",
      description: 'Verify `Tracepipe-Signature: t=…,v1=…` as hex HMAC-SHA256(secret, "<t>.<raw body>").',
      security: authenticated,
      responses: {
        "200": json(
          z.object({
            object: z.literal("callback_secret"),
            secret: z.string(),
            signature_header: z.string(),
            scheme: z.string(),
          }),
          "The secret.",
        ),
        ...problems(403),
      },
    },
  },
};
