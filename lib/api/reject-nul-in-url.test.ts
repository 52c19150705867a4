import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { rejectNulInUrl } from "./reject-nul-in-url";

describe("rejectNulInUrl", () => {
  it("accepts a route without dynamic segments, which gets no params object in a production build", () => {
    expect(() => rejectNulInUrl(new URL("http://x/v1/ready"), undefined)).not.toThrow();
  });

  it("names the path parameter or query field that holds U+0000", () => {
    const attempt = () => rejectNulInUrl(new URL("http://x/v1/sessions?q=a%00b"), { id: "a\u0000" });
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).message).toContain("path.id, query.q");
    }
  });
});
