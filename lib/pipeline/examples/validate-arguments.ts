import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { CatalogTool } from "@/schemas/catalog";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<CatalogTool, ValidateFunction>();

/** Validates tool arguments against the tool's JSON Schema; returns readable errors (empty when valid). */
export function validateArguments(tool: CatalogTool, args: Record<string, unknown>): string[] {
  let validate = compiled.get(tool);
  if (!validate) {
    validate = ajv.compile(tool.input_schema);
    compiled.set(tool, validate);
  }
  if (validate(args)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${tool.name}${error.instancePath || ""}: ${error.message ?? "invalid"}${error.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""}`,
  );
}
