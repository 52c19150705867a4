import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertValidKey, assertValidPrefix, compareKeys } from "./storage-key";

const accepts = (key: string) => {
  try {
    assertValidKey(key);
    return true;
  } catch {
    return false;
  }
};

describe("storage keys", () => {
  it("accepts ordinary keys and refuses traversal, absolute, empty-segment and control-character keys", () => {
    expect(accepts("sessions/0b6a/raw/recording 1.json")).toBe(true);
    expect(accepts("examples/x/messages.jsonl")).toBe(true);
    for (const bad of [
      "",
      "/a",
      "a/",
      "a//b",
      "../a",
      "a/../b",
      "./a",
      "a\\b",
      "a\u0000b",
      "a\nb",
      "x".repeat(951),
    ]) {
      expect(accepts(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("never accepts a key that normalizes to something else or escapes the root (property)", () => {
    const piece = fc.constantFrom("a", "b.txt", ".", "..", "", "/", "\\", "%2e", "\u0000", "..a", "a..");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const key = pieces.join("");
        if (!accepts(key)) return;
        expect(path.posix.normalize(key)).toBe(key);
        expect(path.posix.isAbsolute(key)).toBe(false);
        const relative = path.relative("/root", path.join("/root", key));
        expect(relative === ".." || relative.startsWith("../")).toBe(false);
        expect(relative).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts an empty or slash-terminated list prefix", () => {
    expect(() => assertValidPrefix("")).not.toThrow();
    expect(() => assertValidPrefix("sessions/abc/")).not.toThrow();
    expect(() => assertValidPrefix("sessions/../")).toThrow();
  });

  it("orders keys by code unit, as Vercel Blob lists them", () => {
    expect(["b", "a/2", "a-1", "A", "a/1"].sort(compareKeys)).toEqual(["A", "a-1", "a/1", "a/2", "b"]);
  });
});
