import { describe, expect, it } from "vitest";
import { readRequestMeta } from "./request-meta";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("accepts same-site paths and refuses anything that could leave the site", () => {
    expect(safeReturnPath("/settings/api-keys?x=1")).toBe("/settings/api-keys?x=1");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad)).toBe("/dashboard");
    }
  });
});

describe("readRequestMeta", () => {
  it("takes the first forwarded address and ignores values that are not addresses", () => {
    expect(
      readRequestMeta(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1", "user-agent": "UA" })),
    ).toEqual({
      ip: "203.0.113.9",
      userAgent: "UA",
    });
    expect(readRequestMeta(new Headers({ "x-forwarded-for": "<script>" })).ip).toBeNull();
  });
});
