import { describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
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
  it("believes X-Forwarded-For only through TRUSTED_PROXIES; otherwise the client is the socket peer (last hop)", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1", "user-agent": "UA" });
    try {
      delete process.env.TRUSTED_PROXIES;
      resetEnvCache();
      expect(readRequestMeta(headers)).toEqual({ ip: "10.0.0.1", userAgent: "UA" });
      process.env.TRUSTED_PROXIES = "10.0.0.0/8";
      resetEnvCache();
      expect(readRequestMeta(headers)).toEqual({ ip: "203.0.113.9", userAgent: "UA" });
    } finally {
      delete process.env.TRUSTED_PROXIES;
      resetEnvCache();
    }
    expect(readRequestMeta(new Headers({ "x-forwarded-for": "<script>" })).ip).toBeNull();
  });
});
