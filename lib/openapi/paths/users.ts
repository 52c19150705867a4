import type { ZodOpenApiPathsObject } from "zod-openapi";
import { currentUserSchema } from "@/schemas/users";
import { authenticated, json, problems } from "../responses";

export const userPaths: ZodOpenApiPathsObject = {
  "/v1/users/me": {
    get: {
      tags: ["Account"],
      summary: "The caller's account",
      description: "Any credential and scope may read it.",
      security: authenticated,
      responses: {
        "200": json(currentUserSchema.meta({ id: "CurrentUser" }), "The account."),
        ...problems(),
      },
    },
  },
};
