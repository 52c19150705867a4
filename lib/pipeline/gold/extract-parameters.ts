import type { ParamSpec, TargetMatcher } from "@/lib/pipeline/recognisers/recogniser-types";
import { splitTokens } from "@/lib/pipeline/silver/field-key";
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
const valueKinds = new Set(["type", "select", "check"]);

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
  const dateSource =
    latestParsable(context, spec.date, (text) => parseShownDate(text, context.reference)) ??
    (spec.fallbackDate
      ? latestParsable(context, spec.fallbackDate, (text) => parseShownDate(text, context.reference))
      : undefined);
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
    default:
      return [];
  }
}
