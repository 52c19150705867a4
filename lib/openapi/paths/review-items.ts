import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { uuidParamSchema } from "@/schemas/common";
import { listReviewItemsQuerySchema, reviewDecisionSchema, reviewItemSchema } from "@/schemas/review-items";
import { authenticated, json, problems } from "../responses";

const idPath = z.object({ id: uuidParamSchema });

export const reviewItemPaths: ZodOpenApiPathsObject = {
  "/v1/review-items": {
    get: {
      tags: ["Review"],
      summary: "List review items",
      description:
        "Actions the pipeline could not finish (`low_confidence`, `missing_required_argument`, `trace_only`, `timezone_unknown`), each proposed as a tool call. Oldest first with cursor pagination; `status` defaults to `pending`.",
      security: authenticated,
      requestParams: { query: listReviewItemsQuerySchema },
      responses: {
        "200": json(
          z.object({ data: z.array(reviewItemSchema), next_cursor: z.string().nullable() }),
          "A page of review items.",
        ),
        ...problems(400, 422),
      },
    },
  },
  "/v1/review-items/{id}": {
    get: {
      tags: ["Review"],
      summary: "Get a review item",
      security: authenticated,
      requestParams: { path: idPath },
      responses: { "200": json(reviewItemSchema, "The review item."), ...problems(403, 404, 422) },
    },
  },
  "/v1/review-items/{id}/decision": {
    post: {
      tags: ["Review"],
      summary: "Accept or reject a review item",
      description:
        "`accept` (optionally with corrected `arguments`, which must satisfy the tool's JSON Schema: otherwise 422 with the field paths in `errors`) makes the call a record of the session's examples created afterwards, with its provenance in the record's `metadata`. `reject` keeps it out of every example. A decision is final: deciding again is a 409. Needs a `full` API key.",
      security: authenticated,
      requestParams: { path: idPath },
      requestBody: { content: { "application/json": { schema: reviewDecisionSchema } } },
      responses: { "200": json(reviewItemSchema, "The decided item."), ...problems(403, 404, 409, 422) },
    },
  },
};
