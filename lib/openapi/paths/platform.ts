import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { json } from "../responses";

const readinessSchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.record(z.string(), z.object({ status: z.string(), detail: z.string().optional() })),
  })
  .meta({ id: "Readiness" });

export const platformPaths: ZodOpenApiPathsObject = {
  "/v1/health": {
    get: {
      tags: ["Platform"],
      summary: "Liveness",
      security: [],
      responses: { "200": json(z.object({ status: z.literal("ok") }).loose(), "The process is up.") },
    },
  },
  "/v1/ready": {
    get: {
      tags: ["Platform"],
      summary: "Readiness",
      description: "Checks the database, applied migrations and storage.",
      security: [],
      responses: {
        "200": json(readinessSchema, "Ready."),
        "503": json(readinessSchema, "A dependency is not ready."),
      },
    },
  },
  "/v1/openapi.json": {
    get: {
      tags: ["Platform"],
      summary: "This OpenAPI document",
      security: [],
      responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": {} } } },
    },
  },
  "/v1/docs": {
    get: {
      tags: ["Platform"],
      summary: "Interactive API reference",
      security: [],
      responses: { "200": { description: "HTML page.", content: { "text/html": {} } } },
    },
  },
  "/v1/docs/scalar.js": {
    get: {
      tags: ["Platform"],
      summary: "Script of the API reference page",
      security: [],
      responses: { "200": { description: "JavaScript.", content: { "text/javascript": {} } } },
    },
  },
};
