import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { CatalogTool } from "@/schemas/catalog";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<CatalogTool, ValidateFunction>();

function validatorOf(tool: CatalogTool): ValidateFunction {
  let validate = compiled.get(tool);
  if (!validate) {
    validate = ajv.compile(tool.input_schema);
    compiled.set(tool, validate);
  }
  return validate;
}

export interface ArgumentError {
  /** Dotted path of the argument (`start`, `attendees.0.email`); the missing or extra one for those errors. */
  path: string;
  keyword: string;
  message: string;
}

/** The schema errors of tool arguments, each with the path of the argument it concerns (empty when valid). */
export function argumentErrors(tool: CatalogTool, args: Record<string, unknown>): ArgumentError[] {
  const validate = validatorOf(tool);
  if (validate(args)) return [];
  return (validate.errors ?? []).map((error) => {
    const segments = error.instancePath.split("/").filter(Boolean);
    const params = error.params as Record<string, unknown>;
    const named = params.missingProperty ?? params.additionalProperty;
    if (typeof named === "string") segments.push(named);
    return {
      path: segments.join("."),
      keyword: error.keyword,
      message: error.message ?? "is invalid",
    };
  });
}

/** Validates tool arguments against the tool's JSON Schema; returns readable errors (empty when valid). */
export function validateArguments(tool: CatalogTool, args: Record<string, unknown>): string[] {
  const validate = validatorOf(tool);
  if (validate(args)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${tool.name}${error.instancePath || ""}: ${error.message ?? "invalid"}${error.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""}`,
  );
}
