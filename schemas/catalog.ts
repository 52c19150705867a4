import { z } from "zod";

/** The shape of db/catalog.json, the platform capability catalog. */
export const catalogParameterSchema = z.object({
  name: z.string().min(1),
  type: z.enum(["string", "string[]", "integer", "number", "boolean", "datetime", "date"]),
  required: z.boolean(),
  description: z.string(),
});

export const catalogActionSchema = z.object({
  slug: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string(),
  description: z.string(),
  parameters: z.array(catalogParameterSchema),
});

export const catalogSuiteSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  description: z.string(),
  origins: z.array(z.url()),
  actions: z.array(catalogActionSchema),
});

export const catalogToolSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  input_schema: z
    .object({
      type: z.literal("object"),
      properties: z.record(z.string(), z.record(z.string(), z.unknown())),
      required: z.array(z.string()).default([]),
    })
    .loose(),
});

export const catalogMcpServerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  tools: z.array(catalogToolSchema),
});

export const parameterTransformSchema = z.enum(["datetime_iso8601", "emails_to_attendees"]);

export const catalogParameterMappingSchema = z.union([
  z.object({
    action_parameter: z.string(),
    tool_parameter: z.string(),
    transform: parameterTransformSchema.optional(),
  }),
  z.object({ constant: z.json(), tool_parameter: z.string() }),
]);

export const catalogActionToolMapSchema = z.object({
  slug: z.string(),
  suite: z.string(),
  mcp_server: z.string(),
  mappings: z.array(
    z.object({ action: z.string(), tool: z.string(), parameters: z.array(catalogParameterMappingSchema) }),
  ),
});

export const catalogModelSchema = z.object({
  slug: z.string(),
  provider: z.string(),
  name: z.string(),
  description: z.string(),
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
