import type { CanonicalEvent, EventTarget } from "@/schemas/events";

const ALL_STARS = /^\*+$/;

/** rrweb, PostHog and Sentry replace masked text with `*` of the same length. */
export function isMaskedValue(value: string | null | undefined): boolean {
  return typeof value === "string" && value.length > 0 && ALL_STARS.test(value);
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
  const isTextControl = !target.type || TEXT_CONTROL_TYPES.has(target.type.toLowerCase());
  if (!isTextControl || target.role === "button" || target.tag === "button" || target.tag === "a")
    return false;
  // Checked one by one in this order (no array and closure per event: bronze runs this for most events).
  return (
    namesPassword(target.name) ||
    namesPassword(target.id) ||
    namesPassword(target.label) ||
    namesPassword(target.ariaLabel) ||
    namesPassword(target.placeholder) ||
    namesPassword(target.selector)
  );
}

const TEXT_CONTROL_TYPES = new Set(["text", "password", "tel", "number"]);

function namesPassword(descriptor: string | undefined): boolean {
  return descriptor !== undefined && PASSWORD_DESCRIPTOR.test(descriptor);
}

/**
 * Printable keys typed into a password field spell the password; named keys (Enter, Tab) are kept. Printable
 * means one code point: one UTF-16 unit, or a surrogate pair (what `[...key].length === 1` counts, unallocated).
 */
export function isPrintableKey(key: string | undefined): boolean {
  if (key === undefined) return false;
  if (key.length === 1) return true;
  if (key.length !== 2) return false;
  const high = key.charCodeAt(0);
  const low = key.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
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
