import { toRfc3339 } from "@/lib/pipeline/timezone/zoned-time";
import type { CatalogActionToolMap, CatalogTool, ParameterTransform } from "@/schemas/catalog";
import type { GoldAction, ParameterValue } from "@/schemas/pipeline";

type Mapping = CatalogActionToolMap["mappings"][number];
type JsonSchema = Record<string, unknown>;

export type MappedArguments = { arguments: Record<string, unknown>; unmapped: string[] };

function transform(value: ParameterValue, kind: ParameterTransform, timeZone: string | undefined): unknown {
  switch (kind) {
    case "datetime_iso8601": {
      const text = String(value);
      // With no zone the wall-clock text stays as shown: an invented +00:00 would be silently wrong data.
      return toRfc3339(text, timeZone) ?? text;
    }
    case "emails_to_attendees":
      return (Array.isArray(value) ? value : String(value).split(/[,;]/))
        .map((email) => ({ email: String(email).trim() }))
        .filter((a) => a.email);
  }
}

/** Coerces a value to the JSON Schema type of the tool property (issue numbers to integers, "true" to booleans …). */
function coerce(value: unknown, schema: JsonSchema | undefined): unknown {
  const type = schema?.type;
  if (type === "integer" || type === "number") {
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
      return Number(value);
    return value;
  }
  if (type === "boolean" && typeof value === "string") {
    if (/^(true|yes|on)$/i.test(value)) return true;
    if (/^(false|no|off)$/i.test(value)) return false;
  }
  if (type === "array" && typeof value === "string")
    return value
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (type === "string" && Array.isArray(value)) return value.join(", ");
  if (type === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
  return value;
}

/** The tool arguments for a gold action: renames, constants, transforms and type coercion per the map. */
export function mapArguments(
  action: GoldAction,
  mapping: Mapping,
  tool: CatalogTool,
  timeZone?: string,
): MappedArguments {
  const properties = tool.input_schema.properties as Record<string, JsonSchema>;
  const args: Record<string, unknown> = {};
  const unmapped: string[] = [];
  for (const entry of mapping.parameters) {
    if ("constant" in entry) {
      args[entry.tool_parameter] = entry.constant;
      continue;
    }
    const value = action.parameters[entry.action_parameter];
    if (value === undefined) continue;
    const transformed = entry.transform ? transform(value, entry.transform, timeZone) : value;
    args[entry.tool_parameter] = coerce(transformed, properties[entry.tool_parameter]);
  }
  for (const name of Object.keys(action.parameters)) {
    if (!mapping.parameters.some((entry) => "action_parameter" in entry && entry.action_parameter === name)) {
      unmapped.push(name);
    }
  }
  return { arguments: args, unmapped };
}
