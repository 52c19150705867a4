import { isRecord } from "@/lib/pipeline/is-record";
import type { EventTarget } from "@/schemas/events";
import { describeCssSelector } from "../devtools-recorder/parse-selectors";

const NAMED_BY_LABEL = new Set([
  "textbox",
  "combobox",
  "searchbox",
  "checkbox",
  "radio",
  "switch",
  "listbox",
  "spinbutton",
  "slider",
]);

/** Playwright's quoted selector values: `"To"i` (case-insensitive), `"Send"s` (exact), JSON string escapes. */
function unquote(raw: string): string {
  const match = /^"((?:[^"\\]|\\.)*)"[is]?$/.exec(raw.trim());
  if (!match) return raw.trim();
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return match[1] ?? raw;
  }
}

function byRole(role: string, name: string | undefined): EventTarget {
  const target: EventTarget = { role: role.slice(0, 64) };
  if (name) {
    target.ariaLabel = name.slice(0, 2048);
    if (NAMED_BY_LABEL.has(role)) target.label = name.slice(0, 2048);
    else target.text = name.slice(0, 4096);
  }
  return target;
}

/** One part of a Playwright selector (`internal:role=textbox[name="To"i]`, `internal:label="Subject"i`, CSS). */
function describeSelectorPart(part: string): EventTarget | undefined {
  const [, engine = "", body = ""] = /^([\w:-]+)=(.*)$/s.exec(part) ?? [];
  switch (engine) {
    case "internal:role": {
      const role = /^[\w-]+/.exec(body)?.[0] ?? "";
      const name = /\[name=("(?:[^"\\]|\\.)*"[is]?)\]/.exec(body)?.[1];
      return byRole(role, name === undefined ? undefined : unquote(name));
    }
    case "internal:label":
      return { label: unquote(body).slice(0, 2048) };
    case "internal:text":
    case "text":
      return { text: unquote(body).slice(0, 4096) };
    case "internal:attr": {
      const match = /^\[([\w-]+)=("(?:[^"\\]|\\.)*"[is]?)\]$/.exec(body);
      if (!match) return undefined;
      const value = unquote(match[2] ?? "");
      if (match[1] === "placeholder") return { placeholder: value.slice(0, 2048) };
      if (match[1] === "title" || match[1] === "alt")
        return { attributes: { [match[1]]: value.slice(0, 512) } };
      return { attributes: { [match[1] ?? "attr"]: value.slice(0, 512) } };
    }
    case "internal:testid": {
      const match = /^\[([\w-]+)=("(?:[^"\\]|\\.)*"[is]?)\]$/.exec(body);
      return match
        ? { attributes: { [match[1] ?? "data-testid"]: unquote(match[2] ?? "").slice(0, 512) } }
        : undefined;
    }
    case "css":
      return describeCssSelector(body);
    case "nth":
    case "internal:has-text":
    case "internal:has-not-text":
    case "internal:has":
    case "internal:has-not":
    case "internal:control":
    case "visible":
      return undefined;
    default:
      // No engine prefix means CSS; other engines (xpath, internal:*) say nothing reliable about the element.
      return engine === "" ? describeCssSelector(part) : undefined;
  }
}

/** Describes the target of a Playwright selector string; chains (`a >> b`) describe their last element part. */
export function describePlaywrightSelector(selector: string): EventTarget {
  const parts = selector.split(/\s*>>\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const target: EventTarget = { selector: selector.slice(0, 4096) };
  for (let i = parts.length - 1; i >= 0; i--) {
    const described = describeSelectorPart(parts[i] ?? "");
    if (described) return { ...described, ...target };
  }
  return target;
}

/**
 * Describes the JSONL generator's `locator` object (`{kind, body, options, next}`, the same data as the
 * `page.getByRole(...)` code): the last link of the chain names the element.
 */
export function describePlaywrightLocator(locator: unknown): EventTarget | undefined {
  let last: Record<string, unknown> | undefined;
  for (let current = locator, depth = 0; isRecord(current) && depth < 32; current = current.next, depth++) {
    if (
      !["nth", "first", "last", "visible", "frame", "has", "hasNot", "has-not-text"].includes(
        String(current.kind),
      )
    )
      last = current;
  }
  if (!last || typeof last.kind !== "string") return undefined;
  const body = typeof last.body === "string" ? last.body : "";
  const options = isRecord(last.options) ? last.options : {};
  switch (last.kind) {
    case "role":
      return byRole(body, typeof options.name === "string" ? options.name : undefined);
    case "label":
      return { label: body.slice(0, 2048) };
    case "placeholder":
      return { placeholder: body.slice(0, 2048) };
    case "text":
    case "has-text":
      return { text: body.slice(0, 4096) };
    case "alt":
    case "title":
      return { attributes: { [last.kind]: body.slice(0, 512) } };
    case "test-id":
      return { attributes: { "data-testid": body.slice(0, 512) } };
    case "default":
      return { ...describeCssSelector(body), selector: body.slice(0, 4096) };
    default:
      return undefined;
  }
}
