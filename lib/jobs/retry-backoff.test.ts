import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-backoff";

describe("retryDelayMs", () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it("doubles per attempt between half and the full exponential value", () => {
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(3, options, () => 1)).toBe(4000);
    expect(retryDelayMs(3, options, () => 0)).toBe(2000);
  });

  it("never exceeds the cap", () => {
    expect(retryDelayMs(30, options, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, options, () => 0)).toBe(30_000);
  });
});
