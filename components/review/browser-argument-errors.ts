import { type OutputUnit, Validator } from "@cfworker/json-schema";
import type { ArgumentError } from "@/lib/pipeline/examples/validate-arguments";
import type { CatalogTool } from "@/schemas/catalog";

/**
 * The form's while-typing check, in the browser. Ajv compiles schemas with `new Function`, which the pages' CSP
 * (no 'unsafe-eval') forbids; this validator interprets the schema instead. The server still decides with ajv
 * (`argumentErrors`), so a decision is never judged by this one.
 */
const validators = new WeakMap<CatalogTool, Validator>();
// Aggregate units that only say "a child failed"; the child's own unit names the argument.
const aggregateKeywords = new Set(["properties", "items", "allOf", "anyOf", "oneOf", "false", "$ref"]);

const namedProperty = (unit: OutputUnit) => /property "([^"]+)"/i.exec(unit.error)?.[1];

export function browserArgumentErrors(tool: CatalogTool, args: Record<string, unknown>): ArgumentError[] {
  let validator = validators.get(tool);
  if (!validator) {
    validator = new Validator(tool.input_schema as object, "2020-12", false);
    validators.set(tool, validator);
  }
  const { valid, errors } = validator.validate(args);
  if (valid) return [];
  return errors
    .filter((unit) => !aggregateKeywords.has(unit.keyword))
    .map((unit) => {
      const segments = unit.instanceLocation.replace(/^#\/?/, "").split("/").filter(Boolean);
      const named =
        unit.keyword === "required" || unit.keyword === "additionalProperties"
          ? namedProperty(unit)
          : undefined;
      if (named) segments.push(named);
      return { path: segments.join("."), keyword: unit.keyword, message: unit.error };
    });
}
