import { describe, expect, it } from "vitest";
import { isPasswordTarget } from "./mask-values";

describe("isPasswordTarget", () => {
  it("recognises password fields by type and autocomplete", () => {
    expect(isPasswordTarget({ tag: "input", type: "password" })).toBe(true);
    expect(isPasswordTarget({ tag: "input", attributes: { autocomplete: "current-password" } })).toBe(true);
  });

  it("recognises fields found by a password-naming selector or label when the type is unknown (Recorder, codegen)", () => {
    expect(isPasswordTarget({ selector: "aria/Password" })).toBe(true);
    expect(isPasswordTarget({ selector: "#sudo_password" })).toBe(true);
    expect(isPasswordTarget({ label: "Password" })).toBe(true);
    expect(isPasswordTarget({ name: "user[pwd]" })).toBe(true);
  });

  it("leaves ordinary fields and password-related buttons alone", () => {
    expect(isPasswordTarget({ tag: "input", type: "email", label: "Email" })).toBe(false);
    expect(isPasswordTarget({ ariaLabel: "Subject", name: "subjectbox" })).toBe(false);
    expect(isPasswordTarget({ tag: "button", text: "Forgot password?" })).toBe(false);
    expect(isPasswordTarget({ tag: "input", type: "checkbox", label: "Remember password" })).toBe(false);
    expect(isPasswordTarget(undefined)).toBe(false);
  });
});
