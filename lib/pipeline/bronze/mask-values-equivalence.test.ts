import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventTarget } from "@/schemas/events";
import { isPasswordTarget, isPrintableKey } from "./mask-values";

/** The implementations these replaced (allocating an array and a closure per call), as the reference. */
const PASSWORD_AUTOCOMPLETE = /\b(current-password|new-password|one-time-code)\b/i;
const PASSWORD_DESCRIPTOR = /pass(?:word|code|phrase)|\bpwd\b|\bpin\b|one-time[- ]code|\botp\b/i;
function referenceIsPasswordTarget(target: EventTarget | undefined): boolean {
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
const referenceIsPrintableKey = (key: string | undefined) => key !== undefined && [...key].length === 1;

/** Any UTF-16 units, lone and paired surrogates included. */
const units = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd7f0, max: 0xe010 })), {
    maxLength: 4,
  })
  .map((codes) => String.fromCharCode(...codes));

const descriptor = fc.option(
  fc.oneof(
    fc.constantFrom(
      "Password",
      "#sudo_password",
      "user[pwd]",
      "PIN",
      "pinned",
      "one-time code",
      "otp",
      "Subject",
    ),
    fc.string({ maxLength: 12 }),
  ),
  { nil: undefined },
);

const target = fc.record(
  {
    tag: fc.constantFrom("input", "button", "a", "div", "INPUT"),
    type: fc.constantFrom("", "text", "password", "PASSWORD", "tel", "number", "email", "checkbox", "Text"),
    role: fc.constantFrom("button", "textbox", "link"),
    name: descriptor,
    id: descriptor,
    label: descriptor,
    ariaLabel: descriptor,
    placeholder: descriptor,
    selector: descriptor,
    attributes: fc.dictionary(
      fc.constantFrom("autocomplete", "data-x"),
      fc.constantFrom(
        "new-password",
        "current-password",
        "one-time-code",
        "username",
        "off",
        "x new-password",
      ),
    ),
  },
  { requiredKeys: [] },
);

describe("mask-values helpers", () => {
  it("isPrintableKey counts one code point like [...key].length === 1 (property)", () => {
    fc.assert(
      fc.property(fc.option(units, { nil: undefined }), (key) => {
        expect(isPrintableKey(key)).toBe(referenceIsPrintableKey(key));
      }),
      { numRuns: 20_000 },
    );
    expect(isPrintableKey("😀")).toBe(true);
    expect(isPrintableKey("\ud83d")).toBe(true);
    expect(isPrintableKey("\ude00\ud83d")).toBe(false);
    expect(isPrintableKey("Enter")).toBe(false);
  });

  it("isPasswordTarget answers like the array-and-closure version (property)", () => {
    fc.assert(
      fc.property(fc.option(target, { nil: undefined }), (value) => {
        expect(isPasswordTarget(value)).toBe(referenceIsPasswordTarget(value));
      }),
      { numRuns: 20_000 },
    );
  });
});
