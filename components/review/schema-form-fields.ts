import { toRfc3339 } from "@/lib/pipeline/timezone/zoned-time";

/**
 * A form for a tool's JSON Schema, for the subset the catalog's tools use: an object of string (plain, `enum`,
 * `format: date-time | email`), integer/number, boolean, array of strings and array of objects with one string
 * property (attendees). Every field is edited as text (or a checkbox) so the form is typed with the keyboard;
 * values are turned back into arguments here and validated against the full schema by ajv. A library (RJSF)
 * would bring its own widgets and theme for what is a dozen lines per type here.
 */

type JsonSchema = Record<string, unknown>;

export type FieldKind = "text" | "multiline" | "enum" | "datetime" | "integer" | "boolean" | "list";

export interface FormField {
  name: string;
  kind: FieldKind;
  isRequired: boolean;
  options?: string[];
  /** For lists of objects: the one property each line fills (`email` of an attendee). */
  itemProperty?: string;
  hint?: string;
}

const asSchema = (value: unknown): JsonSchema =>
  value && typeof value === "object" ? (value as JsonSchema) : {};

// Long free text (a message body, an event description) reads better in a text area.
const MULTILINE_NAMES = new Set(["body", "description"]);

export function fieldsOf(schema: JsonSchema): FormField[] {
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = asSchema(raw);
    const base = { name, isRequired: required.has(name) };
    if (Array.isArray(property.enum)) return { ...base, kind: "enum", options: property.enum.map(String) };
    if (property.type === "boolean") return { ...base, kind: "boolean" };
    if (property.type === "integer" || property.type === "number") return { ...base, kind: "integer" };
    if (property.format === "date-time")
      return { ...base, kind: "datetime", hint: "YYYY-MM-DD HH:MM in the session's zone, or with an offset" };
    if (property.type === "array") {
      const items = asSchema(property.items);
      const itemProperties = Object.keys(asSchema(items.properties));
      return {
        ...base,
        kind: "list",
        ...(items.type === "object" && itemProperties[0] ? { itemProperty: itemProperties[0] } : {}),
        hint: "Separate values with commas",
      };
    }
    return { ...base, kind: MULTILINE_NAMES.has(name) ? "multiline" : "text" };
  });
}

export type FormValues = Record<string, string | boolean>;

const wallClock = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;
const withOffset = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

/** A typed date-time as RFC 3339: wall-clock text gets the zone's offset for that date; other text is kept. */
export function parseDateTime(text: string, timeZone: string | null): string {
  const trimmed = text.trim();
  const zoned = withOffset.exec(trimmed);
  if (zoned) return `${zoned[1]}T${zoned[2]}${zoned[3] ?? ":00"}${zoned[4]}`;
  const wall = wallClock.exec(trimmed);
  if (wall && timeZone) return toRfc3339(`${wall[1]}T${wall[2]}${wall[3] ?? ":00"}`, timeZone) ?? trimmed;
  return trimmed;
}

/** How a date-time argument is shown: its wall-clock time when it is in the session's zone, else as it is. */
function showDateTime(value: string, timeZone: string | null): string {
  const zoned = withOffset.exec(value);
  if (!zoned || !timeZone) return value;
  const wall = `${zoned[1]} ${zoned[2]}`;
  return parseDateTime(wall, timeZone) === parseDateTime(value, null) ? wall : value;
}

export function initialValues(
  fields: FormField[],
  args: Record<string, unknown>,
  timeZone: string | null,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = args[field.name];
    if (field.kind === "boolean") {
      values[field.name] = value === true;
      continue;
    }
    if (value === undefined || value === null) {
      values[field.name] = "";
      continue;
    }
    if (field.kind === "list" && Array.isArray(value)) {
      values[field.name] = value
        .map((item) =>
          field.itemProperty && item && typeof item === "object"
            ? String((item as Record<string, unknown>)[field.itemProperty] ?? "")
            : String(item),
        )
        .join(", ");
      continue;
    }
    values[field.name] = field.kind === "datetime" ? showDateTime(String(value), timeZone) : String(value);
  }
  return values;
}

/** Tool arguments from the form: empty optional fields are left out, so the schema judges what is there. */
export function toArguments(
  fields: FormField[],
  values: FormValues,
  timeZone: string | null,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "boolean") {
      if (value === true || field.isRequired) args[field.name] = value === true;
      continue;
    }
    const text = typeof value === "string" ? value : "";
    if (text.trim() === "") continue;
    switch (field.kind) {
      case "integer":
        args[field.name] = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
        break;
      case "datetime":
        args[field.name] = parseDateTime(text, timeZone);
        break;
      case "list": {
        const items = text
          .split(/[,;\n]/)
          .map((item) => item.trim())
          .filter(Boolean);
        args[field.name] = field.itemProperty
          ? items.map((item) => ({ [field.itemProperty as string]: item }))
          : items;
        break;
      }
      default:
        args[field.name] = field.kind === "multiline" ? text : text.trim();
    }
  }
  return args;
}
