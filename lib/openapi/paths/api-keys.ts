import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiKeySummarySchema, createApiKeySchema, createdApiKeySchema } from "@/schemas/api-keys";
import { authenticated, json, problems } from "../responses";

export const apiKeyPaths: ZodOpenApiPathsObject = {
  "/v1/api-keys": {
    get: {
      tags: ["Account"],
      summary: "List your API keys",
      description: "Masked; the secret is shown only once, at creation. Needs a full-scope credential.",
      security: authenticated,
      responses: {
        "200": json(z.object({ data: z.array(apiKeySummarySchema.meta({ id: "ApiKey" })) }), "Keys."),
        ...problems(403),
      },
    },
    post: {
      tags: ["Account"],
      summary: "Create an API key",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: createApiKeySchema } } },
      responses: {
        "201": json(
          createdApiKeySchema.meta({ id: "CreatedApiKey" }),
          "The key with its secret (shown once).",
        ),
        ...problems(400, 403, 422),
      },
    },
  },
  "/v1/api-keys/{id}": {
    delete: {
      tags: ["Account"],
      summary: "Revoke an API key",
      security: authenticated,
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: { "204": { description: "Revoked." }, ...problems(403, 404) },
    },
  },
};
