import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  actionDetailSchema,
  actionListSchema,
  actionToolMapDetailSchema,
  actionToolMapListSchema,
  mcpServerDetailSchema,
  mcpServerListSchema,
  modelListSchema,
  suiteDetailSchema,
  suiteListSchema,
  toolListSchema,
} from "@/schemas/catalog-api";
import { idOrSlugSchema } from "@/schemas/common";
import { authenticated, json, problems } from "../responses";

const byId = z.object({ id: idOrSlugSchema });

function read(summary: string, schema: z.ZodType, withId: boolean, description?: string) {
  return {
    get: {
      tags: ["Catalog"],
      summary,
      description: `${description ?? ""} The catalog is read-only: write methods answer 405.`.trim(),
      security: authenticated,
      ...(withId ? { requestParams: { path: byId } } : {}),
      responses: { "200": json(schema, summary), ...problems(...(withId ? [404] : [])) },
    },
  };
}

export const catalogPaths: ZodOpenApiPathsObject = {
  "/v1/suites": read("List suites", suiteListSchema, false),
  "/v1/suites/{id}": read("Get a suite with its actions", suiteDetailSchema, true),
  "/v1/suites/{id}/actions": read("List a suite's actions", actionListSchema, true),
  "/v1/actions/{id}": read(
    "Get an action with its parameters",
    actionDetailSchema,
    true,
    "`id` is a UUID, `<suite>.<action>` (e.g. `gmail.compose_email`) or an action slug that only one suite has.",
  ),
  "/v1/mcp-servers": read("List MCP servers", mcpServerListSchema, false),
  "/v1/mcp-servers/{id}": read("Get an MCP server with its tools", mcpServerDetailSchema, true),
  "/v1/mcp-servers/{id}/tools": read("List an MCP server's tools", toolListSchema, true),
  "/v1/action-tool-maps": read("List action-tool maps", actionToolMapListSchema, false),
  "/v1/action-tool-maps/{id}": read(
    "Get an action-tool map",
    actionToolMapDetailSchema,
    true,
    "The full tree: tool mappings and their parameter mappings.",
  ),
  "/v1/models": read("List models", modelListSchema, false),
};
