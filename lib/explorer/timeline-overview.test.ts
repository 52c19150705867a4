import { describe, expect, it } from "vitest";
import type { TimelineManifest } from "@/schemas/timeline";
import { indexBounds } from "./build-timeline-index";
import { MIN_MARKER_PX, TIMELINE_LANE_HEIGHT } from "./timeline-hit-test";
import type { LaneId } from "./timeline-lanes";
import { drawTimelineOverview, OVERVIEW_COLUMNS } from "./timeline-overview";
import { buildLaneTiles, type LaneItems, openingView, TILE_BINS, type TimelineTile } from "./timeline-tiles";

function laneOf(lane: LaneId, starts: number[], duration = 0, flaggedEvery = 0): LaneItems {
  return {
    lane,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(starts, (s) => s + duration),
    ids: starts.map((_, i) => `${lane}${i}`),
    labels: starts.map((_, i) => `item ${i}`),
    categories: Uint16Array.from(starts, (_, i) => i % 3),
    categoryNames: ["a", "b", "c"],
    ...(flaggedEvery ? { flagged: Uint8Array.from(starts, (_, i) => (i % flaggedEvery === 0 ? 1 : 0)) } : {}),
  };
}

function manifestOf(lanes: LaneItems[]): Pick<TimelineManifest, "bounds" | "binsPerTile" | "lanes"> {
  return {
    bounds: indexBounds(lanes),
    binsPerTile: TILE_BINS,
    lanes: lanes.map((lane) => ({
      id: lane.lane,
      label: lane.lane,
      count: lane.starts.length,
      categoryNames: lane.categoryNames,
      maxDuration: 0,
    })),
  };
}

const levelZero = (lane: LaneItems, bounds: TimelineManifest["bounds"], rawLimit?: number) =>
  buildLaneTiles(lane, bounds, rawLimit).next().value as TimelineTile;

/** The rectangles of a path as drawn (`M x y h w v h h -w z` each). */
function rects(d: string | undefined) {
  return [...(d ?? "").matchAll(/M([-\d.]+) ([-\d.]+)h([-\d.]+)v([-\d.]+)h[-\d.]+z/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

describe("drawTimelineOverview", () => {
  it("draws a binned lane as bars inside its row, over the columns where its items are", () => {
    // 50k events in two bursts: the level-0 tile is bins, and the quiet middle stays empty.
    const starts = Array.from({ length: 50_000 }, (_, i) => (i < 25_000 ? i : 1_000_000 + i));
    const events = laneOf("events", starts, 0, 5_000);
    const manifest = manifestOf([laneOf("toolCalls", [10]), events]);
    const tile = levelZero(events, manifest.bounds);
    expect(tile.kind).toBe("bins");
    const overview = drawTimelineOverview(manifest, [tile], openingView(manifest));
    const lane = overview.lanes[1];
    const bars = lane?.fills.flatMap((f) => rects(f.d)) ?? [];
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.w).toBeLessThanOrEqual(OVERVIEW_COLUMNS);
      expect(bar.y).toBeGreaterThanOrEqual(TIMELINE_LANE_HEIGHT);
      expect(bar.y + bar.h).toBeLessThanOrEqual(2 * TIMELINE_LANE_HEIGHT);
      expect(bar.h).toBeGreaterThanOrEqual(2);
    }
    // Nothing drawn in the idle gap between the bursts (the middle third of the view).
    expect(bars.filter((b) => b.x > OVERVIEW_COLUMNS / 3 && b.x + b.w < (2 * OVERVIEW_COLUMNS) / 3)).toEqual(
      [],
    );
    expect(rects(lane?.flagMarks).length).toBeGreaterThan(0);
    // The tool-calls lane has no tile here: it is left blank rather than guessed.
    expect(overview.lanes[0]?.fills).toEqual([]);
  });

  it("draws a few items as bars at least a marker wide, coloured by category, flagged ones outlined", () => {
    const calls = laneOf("toolCalls", [0, 50_000, 100_000], 0, 2);
    const manifest = manifestOf([calls]);
    const tile = levelZero(calls, manifest.bounds);
    expect(tile.kind).toBe("items");
    const overview = drawTimelineOverview(manifest, [tile], openingView(manifest));
    const lane = overview.lanes[0];
    expect(lane?.fills.map((f) => f.slot)).toEqual([0, 1, 2]);
    for (const fill of lane?.fills ?? []) {
      const [bar] = rects(fill.d);
      expect(bar?.w).toBeCloseTo(MIN_MARKER_PX, 1);
      expect(bar?.y).toBe(8);
      expect(bar?.h).toBe(TIMELINE_LANE_HEIGHT - 16);
    }
    expect(rects(lane?.flagOutlines)).toHaveLength(2);
  });

  it("draws more items than two per column as a density bar in the lane's colour", () => {
    const starts = Array.from({ length: OVERVIEW_COLUMNS * 3 }, (_, i) => i * 10);
    const actions = laneOf("actions", starts);
    const manifest = manifestOf([laneOf("toolCalls", [0]), actions]);
    const tile = levelZero(actions, manifest.bounds, starts.length);
    expect(tile.kind).toBe("items");
    const overview = drawTimelineOverview(manifest, [tile], openingView(manifest));
    expect(overview.lanes[1]?.fills.map((f) => f.slot)).toEqual([1]);
  });
});
