import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { usageQuerySchema, usageRowSchema } from "@/schemas/usage";
import { authenticated, json, problems } from "../responses";

export const usagePaths: ZodOpenApiPathsObject = {
  "/v1/usage": {
    get: {
      tags: ["Usage"],
      summary: "Your usage over time",
      description:
        "The ledger billing is reconciled against, summed per UTC hour or day bucket and kind (tokens per model with `group_by=model`, per API key with `group_by=api_key`, whose rows carry `api_key_id`): tokens, storage byte-hours, events ingested, example records. `amount_usd` prices token rows by the price list; `estimated_usd` is the range's cost including storage after the free allowance. `format=csv` returns the rows as CSV.",
      security: authenticated,
      requestParams: { query: usageQuerySchema },
      responses: {
        "200": json(
          z.object({
            from: z.string(),
            to: z.string(),
            estimated_usd: z.number(),
            data: z.array(usageRowSchema.meta({ id: "UsageRow" })),
          }),
          "Usage rows, oldest bucket first.",
        ),
        ...problems(422),
      },
    },
  },
};
