import { describe, expect, it } from "vitest";
import { hitTestLane, MIN_MARKER_PX, markerExtent } from "./timeline-hit-test";
import type { LaneColumns } from "./timeline-lanes";

function lane(starts: number[], ends: number[]): LaneColumns {
  return {
    id: "actions",
    label: "Actions",
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    ids: starts.map((_, i) => `a${i}`),
    labels: starts.map(() => "x"),
    categories: new Uint16Array(starts.length),
    categoryNames: ["x"],
  };
}

describe("timeline hit testing", () => {
  it("draws an instant at least MIN_MARKER_PX wide, centred on it", () => {
    expect(markerExtent(100, 100)).toEqual({ left: 100 - MIN_MARKER_PX / 2, width: MIN_MARKER_PX });
    expect(markerExtent(10, 50)).toEqual({ left: 10, width: 40 });
  });

  it("hits an instant marker anywhere on its minimum width (1 px per ms)", () => {
    const l = lane([100, 300], [100, 300]);
    const view = { from: 0, to: 1000 };
    expect(hitTestLane(l, view, 1000, 100)).toBe(0);
    expect(hitTestLane(l, view, 1000, 102.9)).toBe(0);
    expect(hitTestLane(l, view, 1000, 297.5)).toBe(1);
    expect(hitTestLane(l, view, 1000, 200)).toBeUndefined();
  });

  it("prefers the item under the pointer over a near one, and the later of two overlapping", () => {
    const l = lane([0, 40, 45], [100, 60, 45]);
    const view = { from: 0, to: 100 };
    expect(hitTestLane(l, view, 100, 20)).toBe(0);
    expect(hitTestLane(l, view, 100, 46)).toBe(2);
    expect(hitTestLane(l, view, 100, 55)).toBe(1);
  });

  it("finds nothing outside the plot or in an empty lane", () => {
    expect(hitTestLane(lane([], []), { from: 0, to: 10 }, 100, 5)).toBeUndefined();
    expect(hitTestLane(lane([5], [5]), { from: 0, to: 10 }, 100, -1)).toBeUndefined();
  });
});
