import type { CanonicalEvent, EventTarget } from "@/schemas/events";

/** rrweb, PostHog and Sentry replace masked text with `*` of the same length. */
export function isMaskedValue(value: string | null | undefined): boolean {
  return typeof value === "string" && value.length > 0 && /^\*+$/.test(value);
}

const PASSWORD_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code)\b/i;

// Recorder flows and codegen scripts carry no input type, only how the field was found (`aria/Password`,
// `#sudo_password`, `internal:label="Password"i`): a descriptor that names a password marks the field as one.
const PASSWORD_DESCRIPTOR = /pass(?:word|code|phrase)|\bpwd\b|\bpin\b|one-time[- ]code|\botp\b/i;

export function isPasswordTarget(target: EventTarget | undefined): boolean {
  if (!target) return false;
  if (target.type?.toLowerCase() === "password") return true;
  const autocomplete = target.attributes?.autocomplete;
  if (autocomplete !== undefined && PASSWORD_AUTOCOMPLETE.test(autocomplete)) return true;
  const isTextControl =
    !target.type || ["text", "password", "tel", "number"].includes(target.type.toLowerCase());
  if (!isTextControl || target.role === "button" || target.tag === "button" || target.tag === "a")
    return false;
  return [target.name, target.id, target.label, target.ariaLabel, target.placeholder, target.selector].some(
    (descriptor) => descriptor !== undefined && PASSWORD_DESCRIPTOR.test(descriptor),
  );
}

/** Printable keys typed into a password field spell the password; named keys (Enter, Tab) are kept. */
function isPrintableKey(key: string | undefined): boolean {
  return key !== undefined && [...key].length === 1;
}

/** Counters `maskEventValues` updates (the bronze summary). */
export interface MaskCounts {
  maskedCount: number;
  passwordCount: number;
}

/**
 * Removes values that must never reach later layers: password field values (and their typed characters) and
 * masked values (all `*`), which are flagged `masked: true` instead. Returns the event itself when untouched.
 */
export function maskEventValues(event: CanonicalEvent, counts: MaskCounts): CanonicalEvent {
  const hasValue = event.value !== undefined && event.value !== null;
  if (!hasValue && event.data === undefined && event.key === undefined && event.code === undefined)
    return event;
  if (isPasswordTarget(event.target)) {
    // A printable key (or a bare `code` such as KeyH) spells a character of the password.
    const isKeySensitive = isPrintableKey(event.key) || (event.key === undefined && event.code !== undefined);
    if (!hasValue && event.data === undefined && !isKeySensitive) return event;
    const { value: _value, data: _data, key, code: _code, ...rest } = event;
    const kept: CanonicalEvent = { ...rest, masked: true };
    if (key !== undefined && !isPrintableKey(key)) kept.key = key;
    counts.passwordCount++;
    counts.maskedCount++;
    return kept;
  }
  const isValueMasked = isMaskedValue(event.value);
  const isDataMasked = isMaskedValue(event.data);
  if (!isValueMasked && !isDataMasked) return event;
  const { value, data, ...rest } = event;
  const kept: CanonicalEvent = { ...rest, masked: true };
  if (!isValueMasked && value !== undefined) kept.value = value;
  if (!isDataMasked && data !== undefined) kept.data = data;
  counts.maskedCount++;
  return kept;
}
