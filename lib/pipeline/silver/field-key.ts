import type { EventTarget } from "@/schemas/events";

/**
 * A field's identity across the events of one tab. Importers differ in which descriptors they fill and some
 * build selectors from node paths that change between events, so the human-facing descriptors come first and
 * the selector is only the fallback.
 */
export function fieldKeyOf(target: EventTarget | undefined): string | undefined {
  if (!target) return undefined;
  const parts = [target.id, target.name, target.ariaLabel, target.label, target.placeholder];
  if (parts.some((part) => part)) return [target.tag ?? "", ...parts.map((p) => p ?? "")].join("|");
  if (target.selector) return `sel|${target.selector}`;
  if (target.text) return `text|${target.tag ?? ""}|${target.text}`;
  return undefined;
}

const textInputTypes = new Set(["", "text", "email", "search", "url", "tel", "number", "password"]);

/** Whether an element takes typed text (inputs, textareas, contenteditable, textbox/combobox roles). */
export function isTextField(target: EventTarget | undefined): boolean {
  if (!target) return false;
  if (target.contentEditable) return true;
  if (target.role === "textbox" || target.role === "combobox" || target.role === "searchbox") return true;
  if (target.tag === "textarea") return true;
  return target.tag === "input" && textInputTypes.has((target.type ?? "").toLowerCase());
}

/** Enter inserts a line break here instead of committing. */
export function isMultiline(target: EventTarget | undefined): boolean {
  if (!target) return false;
  return (
    target.tag === "textarea" ||
    target.contentEditable === true ||
    target.attributes?.["aria-multiline"] === "true"
  );
}

export function isToggle(target: EventTarget | undefined): boolean {
  if (!target) return false;
  const type = (target.type ?? "").toLowerCase();
  return (
    type === "checkbox" ||
    type === "radio" ||
    target.role === "checkbox" ||
    target.role === "radio" ||
    target.role === "switch" ||
    target.role === "menuitemradio"
  );
}

/**
 * Fields whose typed text becomes chips (Gmail recipients, Calendar guests): fields named for addresses. Real
 * Gmail's To field is `<input role="combobox" aria-label="To recipients">`, Calendar's `aria-label="Guests"`.
 */
const chipFieldPattern = /recipient|^(to|cc|bcc)$|guest|attendee|email address|add people/i;

export function isChipField(target: EventTarget | undefined): boolean {
  if (!target || isMultiline(target)) return false;
  // Named, not by role: time pickers and search boxes are comboboxes too, and Enter there commits no chip.
  return [target.ariaLabel, target.label, target.name, target.placeholder].some(
    (text) => text !== undefined && chipFieldPattern.test(text.trim()),
  );
}

/**
 * Clicking one of these usually closes or resets a form (Send, Discard, Save, Cancel …). When text was
 * reconstructed key by key (no full values), the next form must not inherit the previous form's text.
 */
const formClosingPattern = /^(send|discard|save|cancel|close|create|submit|done)\b/i;

export function isFormClosingClick(target: EventTarget | undefined): boolean {
  if (!target) return false;
  const text = (target.ariaLabel ?? target.text ?? "").trim();
  return formClosingPattern.test(text);
}

/** Splits chip-field text into tokens ("a@x.com, b@y.com;c@z.com"). */
export function splitTokens(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
}
