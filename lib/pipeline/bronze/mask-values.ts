import type { CanonicalEvent, EventTarget } from "@/schemas/events";

/** rrweb, PostHog and Sentry replace masked text with `*` of the same length. */
export function isMaskedValue(value: string | null | undefined): boolean {
  return typeof value === "string" && value.length > 0 && /^\*+$/.test(value);
}

const PASSWORD_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code)\b/i;

export function isPasswordTarget(target: EventTarget | undefined): boolean {
  if (!target) return false;
  if (target.type?.toLowerCase() === "password") return true;
  const autocomplete = target.attributes?.autocomplete;
  return autocomplete !== undefined && PASSWORD_AUTOCOMPLETE.test(autocomplete);
}

/** Printable keys typed into a password field spell the password; named keys (Enter, Tab) are kept. */
function isPrintableKey(key: string | undefined): boolean {
  return key !== undefined && [...key].length === 1;
}

export interface MaskResult {
  event: CanonicalEvent;
  isPassword: boolean;
  isMasked: boolean;
}

/**
 * Removes values that must never reach later layers: password field values (and their typed characters) and
 * masked values (all `*`), which are flagged `masked: true` instead.
 */
export function maskEventValues(event: CanonicalEvent): MaskResult {
  const isPassword = isPasswordTarget(event.target);
  const hasValue = event.value !== undefined && event.value !== null;
  if (isPassword) {
    if (!hasValue && event.data === undefined && !isPrintableKey(event.key)) {
      return { event, isPassword: false, isMasked: false };
    }
    const { value: _value, data: _data, key, code: _code, ...rest } = event;
    const kept: CanonicalEvent = { ...rest, masked: true };
    if (key !== undefined && !isPrintableKey(key)) kept.key = key;
    return { event: kept, isPassword: true, isMasked: true };
  }
  const isValueMasked = isMaskedValue(event.value);
  const isDataMasked = isMaskedValue(event.data);
  if (!isValueMasked && !isDataMasked) return { event, isPassword: false, isMasked: false };
  const { value, data, ...rest } = event;
  const kept: CanonicalEvent = { ...rest, masked: true };
  if (!isValueMasked && value !== undefined) kept.value = value;
  if (!isDataMasked && data !== undefined) kept.data = data;
  return { event: kept, isPassword: false, isMasked: true };
}
