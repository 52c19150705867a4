import { describe, expect, it } from "vitest";
import { escapeLikePattern, toSessionSearch } from "./session-search";

describe("escapeLikePattern", () => {
  it("escapes the LIKE wildcards and the escape character itself", () => {
    expect(escapeLikePattern("50% off")).toBe("50\\% off");
    expect(escapeLikePattern("snake_case")).toBe("snake\\_case");
    expect(escapeLikePattern("C:\\path")).toBe("C:\\\\path");
    expect(escapeLikePattern("\\%_")).toBe("\\\\\\%\\_");
    expect(escapeLikePattern("plain text")).toBe("plain text");
  });
});

describe("toSessionSearch", () => {
  it("wraps the escaped text for a contains match", () => {
    expect(toSessionSearch("  100%  ").contains).toBe("%100\\%%");
  });

  it("tries an id prefix only for text that can start an id, lowercased", () => {
    expect(toSessionSearch("3D6F0A52-1B").idPrefix).toBe("3d6f0a52-1b%");
    expect(toSessionSearch("gmail").idPrefix).toBeUndefined();
    expect(toSessionSearch("a_b").idPrefix).toBeUndefined();
    expect(toSessionSearch("a".repeat(37)).idPrefix).toBeUndefined();
  });
});
