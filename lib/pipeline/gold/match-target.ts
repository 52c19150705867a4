import type { TargetMatcher } from "@/lib/pipeline/recognisers/recogniser-types";
import type { EventTarget } from "@/schemas/events";
import type { Interaction } from "@/schemas/pipeline";

const cleaned = new Map<string, string>();

/** Gmail wraps shortcuts in bidi marks ("Send ‪(Ctrl-Enter)‬"); labels often end with ":" or "*". Memoised: hot. */
function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let out = cleaned.get(text);
  if (out === undefined) {
    out = text
      .replace(/[\u200e\u200f\u202a-\u202e]/g, "")
      .replace(/\s+/g, " ")
      .replace(/\s*[:*]\s*$/, "")
      .trim();
    if (cleaned.size > 50_000) cleaned.clear();
    if (text.length < 512) cleaned.set(text, out);
  }
  return out;
}

const valueAttribute = (target: EventTarget) => target.attributes?.value;

/** A target's descriptors, cleaned once: every recogniser trigger and field matcher reads them. */
type Described = {
  ariaLabel?: string;
  label?: string;
  name?: string;
  placeholder?: string;
  text?: string;
  id?: string;
  role?: string;
  tag?: string;
  type?: string;
  value?: string;
  testId?: string;
  any: (string | undefined)[];
};
const describedTargets = new WeakMap<EventTarget, Described>();

function describeTarget(target: EventTarget): Described {
  let described = describedTargets.get(target);
  if (!described) {
    const d: Omit<Described, "any"> = {
      ariaLabel: clean(target.ariaLabel),
      label: clean(target.label),
      name: clean(target.name),
      placeholder: clean(target.placeholder),
      text: clean(target.text),
      id: clean(target.id),
      role: clean(target.role),
      tag: clean(target.tag),
      type: clean(target.type),
      value: clean(valueAttribute(target)),
      testId: clean(target.attributes?.["data-testid"]),
    };
    described = { ...d, any: [d.ariaLabel, d.label, d.name, d.placeholder, d.text, d.id, d.value] };
    describedTargets.set(target, described);
  }
  return described;
}

function matchText(pattern: RegExp | undefined, cleaned: string | undefined): boolean {
  if (!pattern) return true;
  return cleaned !== undefined && cleaned !== "" && pattern.test(cleaned);
}

/**
 * Importers fill the accessible name differently (rrweb: aria-label and <label>; Recorder `aria/…` and codegen
 * `getByRole(…, { name })`: whichever they resolve), so aria-label, label and text stand in for each other.
 */
function testName(
  pattern: RegExp | undefined,
  a: string | undefined,
  b: string | undefined,
  c?: string,
): boolean {
  return !pattern || matchText(pattern, a) || matchText(pattern, b) || matchText(pattern, c);
}

export function matchesTarget(
  target: EventTarget | undefined,
  matcher: TargetMatcher,
  value?: string,
): boolean {
  if (!target) return false;
  const d = describeTarget(target);
  if (matcher.any && !d.any.some((text) => matchText(matcher.any, text))) return false;
  return (
    testName(matcher.ariaLabel, d.ariaLabel, d.label, d.text) &&
    testName(matcher.label, d.label, d.ariaLabel) &&
    matchText(matcher.name, d.name) &&
    matchText(matcher.placeholder, d.placeholder) &&
    testName(matcher.text, d.text, d.ariaLabel, d.label) &&
    matchText(matcher.id, d.id) &&
    matchText(matcher.role, d.role) &&
    matchText(matcher.tag, d.tag) &&
    matchText(matcher.type, d.type) &&
    matchText(matcher.value, value !== undefined ? clean(value) : d.value) &&
    matchText(matcher.testId, d.testId)
  );
}

export function matchesAny(
  target: EventTarget | undefined,
  matchers: TargetMatcher[] | undefined,
  value?: string,
): boolean {
  if (!matchers) return true;
  return matchers.some((matcher) => matchesTarget(target, matcher, value));
}

/** What an interaction shows as a field value: typed text, a chosen option, or a clicked element's value/text. */
export function shownValueOf(interaction: Interaction): string | undefined {
  if (interaction.masked) return undefined;
  if (interaction.value !== undefined) return interaction.value;
  if (interaction.kind === "click" && interaction.target) {
    return clean(valueAttribute(interaction.target) ?? interaction.target.text);
  }
  return undefined;
}
