import type { ParamSpec, TargetMatcher } from "@/lib/pipeline/recognisers/recogniser-types";
import { fieldKeyOf, splitTokens } from "@/lib/pipeline/silver/field-key";
import { extractEmail } from "@/lib/pipeline/silver/field-text";
import type { CatalogParameter } from "@/schemas/catalog";
import type { Interaction, ParameterValue } from "@/schemas/pipeline";
import { localPartOf } from "./build-windows";
import { matchesAny, shownValueOf } from "./match-target";
import { formatWallDateTime, parseShownDate, parseShownTimes, type WallTime } from "./shown-datetime";

export type ExtractContext = {
  /** Value-bearing interactions of the open form, newest first. */
  scope: Interaction[];
  formUrl?: string;
  destinationUrl?: string;
  reference: Date;
};

export type Extracted = { value: ParameterValue; sources: Interaction[]; fromForm: boolean };

const isMaskedText = (text: string) => /^\*+$/.test(text.trim());
/** Interactions that carry a field's value: typed, chosen, or filled in by the page (`appear` with a value). */
const valueKinds = new Set(["type", "select", "check", "appear"]);

function latest(
  scope: Interaction[],
  matchers: TargetMatcher[],
  kinds?: Set<string>,
): Interaction | undefined {
  return scope.find((interaction) => {
    if (kinds && !kinds.has(interaction.kind)) return false;
    if (shownValueOf(interaction) === undefined && !interaction.chips?.length) return false;
    return matchesAny(interaction.target, matchers, interaction.value);
  });
}

/** Typed text coerced to the catalog parameter's type; masked text never becomes a value. */
function coerce(
  interaction: Interaction,
  type: CatalogParameter["type"],
  emails = false,
): ParameterValue | undefined {
  const text = shownValueOf(interaction) ?? "";
  if (isMaskedText(text) && !interaction.chips?.length) return undefined;
  if (type === "string[]") {
    const raw = [...(interaction.chips ?? []), ...splitTokens(text)].filter((token) => !isMaskedText(token));
    // Chips read "Alice Smith <alice@example.com>"; half-typed names that never became an address are dropped.
    const tokens = emails
      ? raw.map(extractEmail).filter((token): token is string => token !== undefined)
      : raw;
    return tokens.length > 0 ? [...new Set(tokens)] : undefined;
  }
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (type === "integer") return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  if (type === "number") return Number.isFinite(Number(trimmed)) ? Number(trimmed) : undefined;
  if (type === "boolean") return interaction.checked ?? (/^(true|on|yes)$/i.test(trimmed) ? true : undefined);
  return trimmed;
}

function fromUrl(
  url: string | undefined,
  pattern: RegExp,
  group: number,
  type: CatalogParameter["type"],
): ParameterValue | undefined {
  const match = localPartOf(url).match(pattern);
  const raw = match?.[group];
  if (!raw) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    text = raw;
  }
  if (type === "integer") return /^\d+$/.test(text) ? Number(text) : undefined;
  if (type === "string[]") return splitTokens(text);
  return text.trim() || undefined;
}

function fromQuery(
  url: string | undefined,
  param: string,
  type: CatalogParameter["type"],
): ParameterValue | undefined {
  if (!url) return undefined;
  try {
    const value = new URL(url, "https://placeholder.invalid").searchParams.get(param);
    if (!value?.trim()) return undefined;
    return type === "integer" ? (/^\d+$/.test(value) ? Number(value) : undefined) : value.trim();
  } catch {
    return undefined;
  }
}

function fromDatetime(
  spec: Extract<ParamSpec, { from: "datetime" }>,
  context: ExtractContext,
): Extracted | undefined {
  const sources: Interaction[] = [];
  const primary = latestParsable(context, spec.date, (text) => parseShownDate(text, context.reference));
  const fallback = spec.fallbackDate
    ? latestParsable(context, spec.fallbackDate, (text) => parseShownDate(text, context.reference))
    : undefined;
  // An end date the page showed before the person changed the start date is stale: calendars move the end
  // date with the start date, and a recorder may not see the page doing it.
  const stale =
    primary?.interaction.kind === "appear" &&
    fallback !== undefined &&
    fallback.interaction.kind !== "appear" &&
    fallback.interaction.ts > primary.interaction.ts;
  const dateSource = (stale ? fallback : primary) ?? fallback;
  const timeSource = latestParsable(
    context,
    spec.time,
    (text) => parseShownTimes(text, context.reference).start,
  );
  let time: WallTime | undefined = timeSource?.parsed;
  if (timeSource) sources.push(timeSource.interaction);
  if (!time && spec.range) {
    const range = latestParsable(context, spec.range, (text) => {
      const times = parseShownTimes(text, context.reference);
      return times.start && times.end ? times : undefined;
    });
    if (range) {
      time = spec.part === "start" ? range.parsed.start : range.parsed.end;
      sources.push(range.interaction);
    }
  }
  if (!dateSource) return undefined;
  sources.push(dateSource.interaction);
  return { value: formatWallDateTime(dateSource.parsed, time), sources, fromForm: true };
}

function latestParsable<T>(
  context: ExtractContext,
  matchers: TargetMatcher[],
  parse: (text: string) => T | undefined,
) {
  for (const interaction of context.scope) {
    const text = shownValueOf(interaction);
    if (
      text === undefined ||
      isMaskedText(text) ||
      !matchesAny(interaction.target, matchers, interaction.value)
    )
      continue;
    const parsed = parse(text);
    if (parsed !== undefined) return { interaction, parsed };
  }
  return undefined;
}

function fromChoice(
  spec: Extract<ParamSpec, { from: "choice" }>,
  context: ExtractContext,
): Extracted | undefined {
  for (const interaction of context.scope) {
    if (interaction.kind === "check" && interaction.checked === false) continue;
    if (interaction.masked) continue;
    const option = spec.options.find((candidate) =>
      matchesAny(interaction.target, candidate.match, interaction.value),
    );
    if (option) return { value: option.value, sources: [interaction], fromForm: true };
  }
  return undefined;
}

/** "good first issue Good for newcomers" → "good first issue": GitHub's menus put the description after the name. */
function itemName(text: string): string {
  const match = /^(.*?[a-z0-9)])\s+[A-Z][a-z]/.exec(text);
  return (match?.[1] ?? text).trim();
}

const controlTags = /^(input|textarea|select|button|a)$/i;
const controlRoles = /^(button|link|textbox|combobox|searchbox|tab|checkbox|radio|switch)$/i;
const textEntry = (target: Interaction["target"]) =>
  /^(input|textarea)$/i.test(target?.tag ?? "") || /^(textbox|searchbox|combobox)$/i.test(target?.role ?? "");

/** A click on a menu item: by its role, or (menu open, role unknown) any click that is not on a control. */
function isMenuPick(
  interaction: Interaction,
  spec: Extract<ParamSpec, { from: "toggled" }>,
  menuOpen: boolean,
): boolean {
  if (matchesAny(interaction.target, spec.items)) return true;
  const target = interaction.target;
  if (!menuOpen || !target || target.role) return false;
  return !controlTags.test(target.tag ?? "");
}

function fromToggled(
  spec: Extract<ParamSpec, { from: "toggled" }>,
  context: ExtractContext,
): Extracted | undefined {
  const chosen = new Map<string, Interaction>();
  let menuOpen = false;
  // Fields typed into (a menu's filter box): clicks on them are not picks, even where the tag is unknown.
  const typedFields = new Set(
    context.scope.filter((i) => i.kind === "type").map((i) => i.fieldKey ?? fieldKeyOf(i.target)),
  );
  // Oldest first: a later click on the same item decides whether it ends up selected.
  for (const interaction of [...context.scope].reverse()) {
    if (interaction.kind !== "click") continue;
    const target = interaction.target;
    if (spec.openedBy && matchesAny(target, spec.openedBy)) {
      menuOpen = true;
      continue;
    }
    if (typedFields.has(fieldKeyOf(target))) continue;
    if (!isMenuPick(interaction, spec, menuOpen)) {
      // A filter box keeps the menu open; another button or link closes it.
      if (
        !textEntry(target) &&
        (controlTags.test(target?.tag ?? "") || controlRoles.test(target?.role ?? ""))
      )
        menuOpen = false;
      continue;
    }
    const attributes = target?.attributes ?? {};
    const named = spec.attributes.map((name) => attributes[name]).find((value) => value);
    // aria-labelledby names the item alone; text and recorder names run name and description together.
    const name = named ?? itemName(target?.label ?? target?.ariaLabel ?? target?.text ?? "");
    if (!name) continue;
    // aria-checked is recorded as it was before the click: "true" means this click removed the item.
    if (attributes["aria-checked"] === "true" || attributes["aria-selected"] === "true") chosen.delete(name);
    else chosen.set(name, interaction);
  }
  if (chosen.size === 0) return undefined;
  return { value: [...chosen.keys()], sources: [...chosen.values()], fromForm: true };
}

export function extractParameter(
  spec: ParamSpec,
  type: CatalogParameter["type"],
  context: ExtractContext,
): Extracted | undefined {
  switch (spec.from) {
    case "field": {
      const source = latest(context.scope, spec.fields, valueKinds);
      const value = source ? coerce(source, type, spec.emails) : undefined;
      return source && value !== undefined ? { value, sources: [source], fromForm: true } : undefined;
    }
    case "url": {
      const url = spec.url === "destination" ? context.destinationUrl : context.formUrl;
      const value = fromUrl(url, spec.pattern, spec.group, type);
      return value === undefined ? undefined : { value, sources: [], fromForm: false };
    }
    case "query": {
      const url = spec.url === "destination" ? context.destinationUrl : context.formUrl;
      const value = fromQuery(url, spec.param, type);
      return value === undefined ? undefined : { value, sources: [], fromForm: false };
    }
    case "datetime":
      return fromDatetime(spec, context);
    case "choice":
      return fromChoice(spec, context);
    case "toggled":
      return fromToggled(spec, context);
  }
}

/** Every target matcher a spec reads, so a committed or cancelled form can be cleared. */
export function matchersOf(spec: ParamSpec): TargetMatcher[] {
  switch (spec.from) {
    case "field":
      return spec.fields;
    case "datetime":
      return [...spec.date, ...spec.time, ...(spec.fallbackDate ?? []), ...(spec.range ?? [])];
    case "choice":
      return spec.options.flatMap((option) => option.match);
    case "toggled":
      return [...spec.items, ...(spec.openedBy ?? [])];
    default:
      return [];
  }
}
