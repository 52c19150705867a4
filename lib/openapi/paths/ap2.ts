import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createExampleSchema, exampleSchema } from "@/schemas/examples";
import { authenticated, json, problems } from "../responses";

const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .describe(
      "Required: a retry with the same key replays the first answer and never authorises a second payment.",
    ),
});

export const ap2Paths: ZodOpenApiPathsObject = {
  "/v1/ap2/examples": {
    post: {
      tags: ["AP2"],
      summary: "Generate an example and pay for it per example",
      description:
        "For agents paying per example (AP2). The example's cost is estimated from its session's actions and the model's token prices; 1.5× the estimate (at least $0.50) is authorised on the workspace's card on file (a Stripe PaymentIntent with manual capture, off session); generation is queued as with `POST /v1/examples`. When the finished example is retrieved (`GET /v1/examples/{id}`), its actual cost (its tokens × the price list) is captured and the rest released; a failed example's authorisation is cancelled. The receipt is `payment` in both responses. Usage paid this way is never invoiced again. No card → 402 `card_required`; a declined card → 402 `card_declined`; a hard budget cap → 402 `budget_cap_reached`; the free model → 422.",
      security: authenticated,
      requestParams: { header: idempotencyHeader },
      requestBody: { content: { "application/json": { schema: createExampleSchema } } },
      responses: {
        "202": json(exampleSchema, "The queued example with its `payment` receipt (`status: authorized`)."),
        ...problems(400, 402, 403, 404, 409, 422, 503),
      },
    },
  },
};
