import { z } from "zod";
import { hasNoNul, jsonValue, NUL_MESSAGE, text } from "./text";

/** The shape of db/catalog.json, the platform capability catalog. */
export const catalogParameterSchema = z.object({
  name: text().min(1),
  type: z.enum(["string", "string[]", "integer", "number", "boolean", "datetime", "date"]),
  required: z.boolean(),
  description: text(),
});

export const catalogActionSchema = z.object({
  slug: text().regex(/^[a-z0-9_]+$/),
  name: text(),
  description: text(),
  parameters: z.array(catalogParameterSchema),
});

export const catalogSuiteSchema = z.object({
  slug: text().regex(/^[a-z0-9-]+$/),
  name: text(),
  description: text(),
  origins: z.array(z.url().refine(hasNoNul, { message: NUL_MESSAGE })),
  actions: z.array(catalogActionSchema),
});

export const catalogToolSchema = z.object({
  name: text().min(1),
  description: text(),
  input_schema: z
    .object({
      type: z.literal("object"),
      properties: z.record(text(), z.record(text(), z.unknown())),
      required: z.array(text()).default([]),
    })
    .loose(),
});

export const catalogMcpServerSchema = z.object({
  slug: text(),
  name: text(),
  description: text(),
  tools: z.array(catalogToolSchema),
});

export const parameterTransformSchema = z.enum(["datetime_iso8601", "emails_to_attendees"]);

export const catalogParameterMappingSchema = z.union([
  z.object({
    action_parameter: text(),
    tool_parameter: text(),
    transform: parameterTransformSchema.optional(),
  }),
  z.object({ constant: jsonValue(), tool_parameter: text() }),
]);

export const catalogActionToolMapSchema = z.object({
  slug: text(),
  suite: text(),
  mcp_server: text(),
  mappings: z.array(
    z.object({ action: text(), tool: text(), parameters: z.array(catalogParameterMappingSchema) }),
  ),
});

export const catalogModelSchema = z.object({
  slug: text(),
  provider: text(),
  name: text(),
  description: text(),
});

export const catalogSchema = z.object({
  version: z.number().int(),
  models: z.array(catalogModelSchema),
  suites: z.array(catalogSuiteSchema),
  mcp_servers: z.array(catalogMcpServerSchema),
  action_tool_maps: z.array(catalogActionToolMapSchema),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogSuite = z.infer<typeof catalogSuiteSchema>;
export type CatalogAction = z.infer<typeof catalogActionSchema>;
export type CatalogParameter = z.infer<typeof catalogParameterSchema>;
export type CatalogTool = z.infer<typeof catalogToolSchema>;
export type CatalogMcpServer = z.infer<typeof catalogMcpServerSchema>;
export type CatalogActionToolMap = z.infer<typeof catalogActionToolMapSchema>;
export type CatalogParameterMapping = z.infer<typeof catalogParameterMappingSchema>;
export type ParameterTransform = z.infer<typeof parameterTransformSchema>;
