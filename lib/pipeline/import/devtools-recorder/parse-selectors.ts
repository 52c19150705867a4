import type { EventTarget } from "@/schemas/events";

/** Roles whose accessible name is their visible text; for form fields the name is their label. */
const NAMED_BY_TEXT = new Set(["button", "link", "menuitem", "tab", "option", "treeitem", "heading", "cell"]);
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

function attributeValue(css: string, name: string): string | undefined {
  const match = new RegExp(
    `\\[${name}\\s*[~|^$*]?=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|'((?:[^'\\\\]|\\\\.)*)'|([^\\]\\s]+))`,
    "i",
  ).exec(css);
  if (!match) return undefined;
  return (match[1] ?? match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1");
}

/** What a CSS selector's last compound says about the element: tag, #id, [name], [aria-label], [placeholder]. */
export function describeCssSelector(css: string): EventTarget {
  const target: EventTarget = {};
  const last =
    css
      .trim()
      .split(/\s*[>+~\s]\s*(?![^[]*\])/)
      .pop() ?? css;
  const tag = /^([a-zA-Z][\w-]*)/.exec(last)?.[1];
  if (tag) target.tag = tag.toLowerCase().slice(0, 64);
  const id = /#((?:[\w-]|\\.)+)/.exec(last)?.[1];
  if (id) target.id = id.replace(/\\(.)/g, "$1").slice(0, 512);
  const idAttr = attributeValue(last, "id");
  if (!target.id && idAttr) target.id = idAttr.slice(0, 512);
  const name = attributeValue(last, "name");
  if (name) target.name = name.slice(0, 512);
  const ariaLabel = attributeValue(last, "aria-label");
  if (ariaLabel) target.ariaLabel = ariaLabel.slice(0, 2048);
  const placeholder = attributeValue(last, "placeholder");
  if (placeholder) target.placeholder = placeholder.slice(0, 2048);
  const type = attributeValue(last, "type");
  if (type) target.type = type.toLowerCase().slice(0, 64);
  const role = attributeValue(last, "role");
  if (role) target.role = role.slice(0, 64);
  return target;
}

/** `aria/Name[role="button"]` → name and role. */
function describeAriaSelector(body: string): EventTarget {
  const match = /^(.*?)(?:\[role="([^"]*)"\])?$/.exec(body.trim());
  const name = (match?.[1] ?? body).trim();
  const role = match?.[2];
  const target: EventTarget = {};
  if (role) target.role = role.slice(0, 64);
  if (name) {
    target.ariaLabel = name.slice(0, 2048);
    if (!role || NAMED_BY_TEXT.has(role)) target.text = name.slice(0, 4096);
    if (!role || NAMED_BY_LABEL.has(role)) target.label = name.slice(0, 2048);
  }
  return target;
}

/** `xpath///*[@id="subject"]`, `xpath//html/body/div/input` → id and tag where the path spells them. */
function describeXpathSelector(body: string): EventTarget {
  const target: EventTarget = {};
  const lastStep = body.split("/").pop() ?? "";
  const tag = /^([a-zA-Z][\w-]*)/.exec(lastStep)?.[1];
  if (tag) target.tag = tag.toLowerCase();
  const id = /\[@id="([^"]*)"\]\s*$/.exec(body)?.[1];
  if (id) target.id = id.slice(0, 512);
  return target;
}

function selectorText(selector: unknown): string | undefined {
  // Each selector is a string or a list of strings (a path through shadow roots / frames): the last one names
  // the element itself.
  if (typeof selector === "string") return selector;
  if (Array.isArray(selector)) {
    const last = selector[selector.length - 1];
    return typeof last === "string" ? last : undefined;
  }
  return undefined;
}

/**
 * Merges what all of a Recorder step's selectors say about its target: `aria/…` gives the accessible name and
 * role, `text/…` the visible text, CSS and `pierce/…` the id/name/tag, `xpath/…` the id/tag. The first CSS
 * selector is kept as `selector`.
 */
export function describeRecorderSelectors(selectors: unknown): EventTarget | undefined {
  if (!Array.isArray(selectors)) return undefined;
  const merged: EventTarget = {};
  const fill = (from: EventTarget) => {
    for (const [key, value] of Object.entries(from) as [
      keyof EventTarget,
      EventTarget[keyof EventTarget],
    ][]) {
      if (merged[key] === undefined && value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  };
  let firstSelector: string | undefined;
  for (const selector of selectors) {
    const text = selectorText(selector)?.slice(0, 4096);
    if (!text) continue;
    firstSelector ??= text;
    if (text.startsWith("aria/")) fill(describeAriaSelector(text.slice(5)));
    else if (text.startsWith("text/")) fill({ text: text.slice(5).trim().slice(0, 4096) });
    else if (text.startsWith("xpath/")) fill(describeXpathSelector(text.slice(6)));
    else if (text.startsWith("pierce/")) fill(describeCssSelector(text.slice(7)));
    else {
      merged.selector ??= text;
      fill(describeCssSelector(text));
    }
  }
  if (firstSelector === undefined) return undefined;
  merged.selector ??= firstSelector;
  return merged;
}
