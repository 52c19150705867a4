import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-usage";

describe("formatBytes", () => {
  it("shows small files in bytes instead of rounding them up to a kilobyte", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(2)).toBe("2 B");
    expect(formatBytes(999)).toBe("999 B");
  });

  it("uses decimal units with one decimal below ten", () => {
    expect(formatBytes(1000)).toBe("1.0 KB");
    expect(formatBytes(1_500_000)).toBe("1.5 MB");
    expect(formatBytes(25_000_000)).toBe("25 MB");
  });
});
