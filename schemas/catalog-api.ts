import { z } from "zod";
import { text } from "./text";

// Read-only catalog responses. Ids are stable UUID v5 values derived from slugs (same on every installation).

export const suiteSummarySchema = z
  .object({
    id: z.uuid(),
    slug: text(),
    name: text(),
    description: text(),
    origins: z.array(text()).describe("Web origins whose recordings belong to this suite."),
  })
  .meta({
    id: "Suite",
    example: {
      id: "3c1ef1a5-7a55-5b6e-8d43-0a8c7b8e2f11",
      slug: "gmail",
      name: "Gmail",
      description: "Google's web mail client.",
      origins: ["https://mail.google.com"],
    },
  });

export const actionParameterSchema = z
  .object({
    name: text(),
    type: text().describe("`string`, `string[]`, `integer`, `number`, `boolean`, `datetime` or `date`."),
    required: z.boolean(),
    description: text(),
  })
  .meta({ id: "ActionParameter" });

export const actionSummarySchema = z
  .object({
    id: z.uuid(),
    suite_id: z.uuid(),
    slug: text(),
    name: text(),
    description: text(),
  })
  .meta({ id: "Action" });

export const actionDetailSchema = actionSummarySchema
  .extend({ parameters: z.array(actionParameterSchema) })
  .meta({ id: "ActionDetail" });

export const suiteDetailSchema = suiteSummarySchema
  .extend({ actions: z.array(actionDetailSchema) })
  .meta({ id: "SuiteDetail" });

export const toolSchema = z
  .object({
    id: z.uuid(),
    name: text(),
    description: text(),
    input_schema: z
      .record(text(), z.unknown())
      .describe("The tool's JSON Schema input, as the MCP server declares it."),
  })
  .meta({ id: "Tool" });

export const mcpServerSchema = z
  .object({ id: z.uuid(), slug: text(), name: text(), description: text() })
  .meta({ id: "McpServer" });

export const mcpServerDetailSchema = mcpServerSchema
  .extend({ tools: z.array(toolSchema) })
  .meta({ id: "McpServerDetail" });

export const modelSchema = z
  .object({ id: z.uuid(), slug: text(), provider: text(), name: text(), description: text() })
  .meta({ id: "Model" });

export const actionToolMapSummarySchema = z
  .object({ id: z.uuid(), slug: text(), suite_id: z.uuid(), mcp_server_id: z.uuid() })
  .meta({ id: "ActionToolMap" });

export const parameterMappingSchema = z
  .object({
    tool_parameter: text(),
    action_parameter: text().nullable().describe("Source action parameter, or null for a constant."),
    constant: z.unknown().optional().describe("Constant value when there is no action parameter."),
    transform: text().nullable().describe("Named transform, e.g. `datetime_iso8601`."),
  })
  .meta({ id: "ParameterMapping" });

export const toolMappingSchema = z
  .object({
    id: z.uuid(),
    action_id: z.uuid(),
    action: text(),
    tool_id: z.uuid(),
    tool: text(),
    parameters: z.array(parameterMappingSchema),
  })
  .meta({ id: "ToolMapping" });

export const actionToolMapDetailSchema = actionToolMapSummarySchema
  .extend({ mappings: z.array(toolMappingSchema) })
  .meta({ id: "ActionToolMapDetail" });

export const suiteListSchema = z.object({ data: z.array(suiteSummarySchema) }).meta({ id: "SuiteList" });
export const actionListSchema = z.object({ data: z.array(actionDetailSchema) }).meta({ id: "ActionList" });
export const mcpServerListSchema = z.object({ data: z.array(mcpServerSchema) }).meta({ id: "McpServerList" });
export const toolListSchema = z.object({ data: z.array(toolSchema) }).meta({ id: "ToolList" });
export const modelListSchema = z.object({ data: z.array(modelSchema) }).meta({ id: "ModelList" });
export const actionToolMapListSchema = z
  .object({ data: z.array(actionToolMapSummarySchema) })
  .meta({ id: "ActionToolMapList" });

export type SuiteDetail = z.infer<typeof suiteDetailSchema>;
export type ActionDetail = z.infer<typeof actionDetailSchema>;
export type ActionToolMapDetail = z.infer<typeof actionToolMapDetailSchema>;
