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

function descriptors(target: EventTarget): (string | undefined)[] {
  return [
    target.ariaLabel,
    target.label,
    target.name,
    target.placeholder,
    target.text,
    target.id,
    valueAttribute(target),
  ];
}

function test(pattern: RegExp | undefined, text: string | undefined): boolean {
  if (!pattern) return true;
  const cleaned = clean(text);
  return cleaned !== undefined && cleaned !== "" && pattern.test(cleaned);
}

/**
 * Importers fill the accessible name differently (rrweb: aria-label and <label>; Recorder `aria/…` and codegen
 * `getByRole(…, { name })`: whichever they resolve), so aria-label, label and text stand in for each other.
 */
function testName(pattern: RegExp | undefined, texts: (string | undefined)[]): boolean {
  return !pattern || texts.some((text) => test(pattern, text));
}

export function matchesTarget(
  target: EventTarget | undefined,
  matcher: TargetMatcher,
  value?: string,
): boolean {
  if (!target) return false;
  if (matcher.any && !descriptors(target).some((text) => test(matcher.any, text))) return false;
  return (
    testName(matcher.ariaLabel, [target.ariaLabel, target.label, target.text]) &&
    testName(matcher.label, [target.label, target.ariaLabel]) &&
    test(matcher.name, target.name) &&
    test(matcher.placeholder, target.placeholder) &&
    testName(matcher.text, [target.text, target.ariaLabel, target.label]) &&
    test(matcher.id, target.id) &&
    test(matcher.role, target.role) &&
    test(matcher.tag, target.tag) &&
    test(matcher.type, target.type) &&
    test(matcher.value, value ?? valueAttribute(target)) &&
    test(matcher.testId, target.attributes?.["data-testid"])
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
