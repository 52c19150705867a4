import { describe, expect, it } from "vitest";
import { firstValue, requestedQueryString, toQueryString, withQuery } from "./search-params";

describe("list URL search params", () => {
  it("read the first of repeated values from a server record and from URLSearchParams alike", () => {
    expect(firstValue({ q: ["a", "b"] }, "q")).toBe("a");
    expect(firstValue(new URLSearchParams("q=a&q=b"), "q")).toBe("a");
    expect(firstValue({}, "q")).toBeUndefined();
    expect(firstValue(new URLSearchParams(""), "q")).toBeUndefined();
  });

  it("keep every requested value in order, so a repeated or reordered parameter is not canonical", () => {
    expect(requestedQueryString({ b: "2", a: ["1", "3"], c: undefined })).toBe("b=2&a=1&a=3");
    expect(requestedQueryString(new URLSearchParams("b=2&a=1"))).toBe("b=2&a=1");
  });

  it("leave out undefined and empty values and keep the given order", () => {
    expect(toQueryString({ z: "last first", a: undefined, m: "", n: 20 })).toBe("z=last+first&n=20");
    expect(withQuery("/sessions", "")).toBe("/sessions");
    expect(withQuery("/sessions", "q=x")).toBe("/sessions?q=x");
  });
});
