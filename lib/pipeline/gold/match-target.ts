import type { TargetMatcher } from "@/lib/pipeline/recognisers/recogniser-types";
import type { EventTarget } from "@/schemas/events";
import type { Interaction } from "@/schemas/pipeline";

const clean = (text: string | undefined) =>
  // Gmail wraps shortcuts in bidi marks ("Send ‪(Ctrl-Enter)‬"); labels often end with ":" or "*".
  text
    ?.replace(/[\u200e\u200f\u202a-\u202e]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*[:*]\s*$/, "")
    .trim();

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

export function matchesTarget(
  target: EventTarget | undefined,
  matcher: TargetMatcher,
  value?: string,
): boolean {
  if (!target) return false;
  if (matcher.any && !descriptors(target).some((text) => test(matcher.any, text))) return false;
  return (
    test(matcher.ariaLabel, target.ariaLabel) &&
    test(matcher.label, target.label) &&
    test(matcher.name, target.name) &&
    test(matcher.placeholder, target.placeholder) &&
    test(matcher.text, target.text) &&
    test(matcher.id, target.id) &&
    test(matcher.role, target.role) &&
    test(matcher.tag, target.tag) &&
    test(matcher.type, target.type) &&
    test(matcher.value, value ?? valueAttribute(target))
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
