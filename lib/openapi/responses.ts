import type { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import { problemSchema } from "@/schemas/common";

const problemDescriptions: Record<number, string> = {
  400: "Bad request (e.g. unknown suite, malformed body).",
  401: "No valid credential.",
  403: "The credential's scope does not allow this operation.",
  404: "Not found (or not the caller's).",
  402: "Payment required: `reason` (`card_required`, `past_due`, `subscription_canceled`, `storage_allowance_exceeded`) and `billing_url`, where to fix it.",
  405: "Method not allowed: the resource is read-only.",
  409: "Conflict with the resource's state.",
  413: "Body over the limit; `detail` names it.",
  415: "Unsupported media type or unrecognised file; `detail` names the file.",
  422: "Validation failed; `errors` lists the fields.",
  429: "Rate limited; retry after `Retry-After` seconds.",
};

export function json(schema: z.ZodType, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** Problem+json responses for the given status codes; 401 and 429 are on every authenticated route. */
export function problems(...statuses: number[]): ZodOpenApiResponsesObject {
  const out: ZodOpenApiResponsesObject = {};
  for (const status of new Set([401, 429, ...statuses])) {
    out[String(status) as "400"] = {
      description: problemDescriptions[status] ?? "Error",
      content: { "application/problem+json": { schema: problemSchema } },
      ...(status === 429
        ? {
            headers: {
              "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
            },
          }
        : {}),
    };
  }
  return out;
}

export const publicProblems = (...statuses: number[]): ZodOpenApiResponsesObject => {
  const { 401: _unauthorized, 429: _limited, ...rest } = problems(...statuses) as Record<string, never>;
  return rest;
};

/** Operations callable with any of the documented credentials. */
export const authenticated: Record<string, string[]>[] = [
  { apiKey: [] },
  { apiKeyHeader: [] },
  { entraToken: [] },
];
