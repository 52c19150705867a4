import type { ZodOpenApiPathsObject } from "zod-openapi";
import { dataPolicySchema, updateDataPolicySchema } from "@/schemas/data-policy";
import { authenticated, json, problems } from "../responses";

export const dataPolicyPaths: ZodOpenApiPathsObject = {
  "/v1/data-policy": {
    get: {
      tags: ["Data"],
      summary: "Get the data policy",
      description: "The account's redaction level and retention of raw recordings and derived artifacts.",
      security: authenticated,
      responses: { "200": json(dataPolicySchema, "The data policy."), ...problems(403) },
    },
    patch: {
      tags: ["Data"],
      summary: "Change the data policy",
      description:
        "Changes the redaction level (applies to sessions processed from now on) and retention (enforced hourly; raw `0` deletes a recording right after processing). Every change is audited. Needs a `full` API key.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: updateDataPolicySchema } } },
      responses: {
        "200": json(dataPolicySchema, "The policy after the change."),
        ...problems(400, 403, 422),
      },
    },
  },
};
