import { describe, expect, it } from "vitest";
import { formatDuration, formatTick, tickStep, timeAxisTicks } from "./time-axis-ticks";

describe("time axis ticks", () => {
  it("picks a readable step that keeps labels apart, adapting to the zoom", () => {
    expect(tickStep(10_000, 800, 80)).toBe(1000);
    expect(tickStep(1_000, 800, 80)).toBe(100);
    expect(tickStep(600_000, 800, 80)).toBe(60_000);
    expect(tickStep(3, 800, 80)).toBe(1);
  });

  it("labels ticks relative to the session start with as many decimals as the step needs", () => {
    expect(timeAxisTicks({ from: -120, to: 1000 }, 1120, 80).map((t) => t.label)).toEqual([
      "−100 ms",
      "0",
      "100 ms",
      "200 ms",
      "300 ms",
      "400 ms",
      "500 ms",
      "600 ms",
      "700 ms",
      "800 ms",
      "900 ms",
      "1.0 s",
    ]);
    expect(formatTick(1250, 50)).toBe("1.25 s");
    expect(formatTick(12_000, 2000)).toBe("12 s");
    expect(formatTick(150_000, 30_000)).toBe("2:30");
    expect(formatTick(61_500, 500)).toBe("1:01.5");
    expect(formatTick(3_723_000, 60_000)).toBe("1:02:03");
  });

  it("never places ticks outside the view and every tick sits on a multiple of the step", () => {
    const view = { from: 12_345, to: 98_765 };
    const ticks = timeAxisTicks(view, 1000);
    const step = (ticks[1]?.t ?? 0) - (ticks[0]?.t ?? 0);
    expect(ticks.length).toBeGreaterThan(3);
    for (const tick of ticks) {
      expect(tick.t).toBeGreaterThanOrEqual(view.from);
      expect(tick.t).toBeLessThanOrEqual(view.to);
      expect(tick.t % step).toBe(0);
    }
  });

  it("says durations in the unit that reads best", () => {
    expect(formatDuration(0)).toBe("instant");
    expect(formatDuration(340)).toBe("340 ms");
    expect(formatDuration(2400)).toBe("2.40 s");
    expect(formatDuration(185_000)).toBe("3m 05s");
  });
});
