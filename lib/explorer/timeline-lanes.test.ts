import { describe, expect, it } from "vitest";
import { type LaneColumns, lowerBound, panViewport, visibleRange, zoomViewport } from "./timeline-lanes";

function lane(starts: number[], ends: number[]): LaneColumns {
  return {
    id: "events",
    label: "Events",
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    ids: starts.map((_, i) => `e${i}`),
    labels: starts.map(() => "x"),
    categories: new Uint16Array(starts.length),
    categoryNames: ["x"],
  };
}

describe("timeline lanes", () => {
  it("finds the lower bound of a time in sorted starts", () => {
    const starts = Float64Array.from([0, 10, 10, 20, 30]);
    expect(lowerBound(starts, -1)).toBe(0);
    expect(lowerBound(starts, 10)).toBe(1);
    expect(lowerBound(starts, 11)).toBe(3);
    expect(lowerBound(starts, 31)).toBe(5);
  });

  it("includes long items that start before the viewport but overlap it", () => {
    const l = lane([0, 50, 100], [80, 60, 110]);
    const range = visibleRange(l, 70, 90, 80);
    expect(range.first).toBe(0);
    expect(range.last).toBe(2);
  });

  it("zooms around the anchor and stays inside the session bounds", () => {
    const bounds = { from: 0, to: 1000 };
    const zoomed = zoomViewport({ from: 0, to: 1000 }, 500, 0.5, bounds);
    expect(zoomed).toEqual({ from: 250, to: 750 });
    expect(zoomViewport(zoomed, 500, 10, bounds)).toEqual(bounds);
    expect(panViewport(zoomed, 10_000, bounds)).toEqual({ from: 500, to: 1000 });
  });
});

describe("linked items and search", () => {
  const events = {
    ...lane([0, 10, 20], [1, 11, 21]),
    ids: ["e1", "e2", "e3"],
    labels: ["keydown a", "input", "click Send"],
  };
  const actions: LaneColumns = {
    ...lane([0], [21]),
    id: "actions",
    ids: ["a1"],
    labels: ["compose_email"],
    links: [["e1", "e3"]],
  };

  it("highlights an action's source events, and an event's action", async () => {
    const { linkedIds } = await import("./timeline-lanes");
    expect([...linkedIds([events, actions], actions, 0)].sort()).toEqual(["e1", "e3"]);
    expect([...linkedIds([events, actions], events, 2)].sort()).toEqual(["a1", "e1"]);
    expect(linkedIds([events, actions], events, 1).size).toBe(0);
  });

  it("finds items by label text or exact id", async () => {
    const { searchLanes } = await import("./timeline-lanes");
    expect(searchLanes([events, actions], "SEND")).toEqual([{ lane: "events", index: 2 }]);
    expect(searchLanes([events, actions], "a1")).toEqual([{ lane: "actions", index: 0 }]);
    expect(searchLanes([events, actions], "  ")).toEqual([]);
  });
});
