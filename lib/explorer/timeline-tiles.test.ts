import { describe, expect, it } from "vitest";
import { indexBounds } from "./build-timeline-index";
import { composeLane } from "./compose-lane";
import {
  type BinsTile,
  buildLaneTiles,
  type ItemsTile,
  itemsOverlapping,
  type LaneItems,
  levelForView,
  TILE_BINS,
  type TimelineTile,
  tileRange,
  tilesInView,
} from "./timeline-tiles";

/** A lane of `n` items: bursts of activity with idle gaps between, a few long items, some flagged. */
function laneOf(n: number, seed = 7): LaneItems {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const starts: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += i % 500 === 0 ? 60_000 * random() : 40 * random();
    starts.push(t);
  }
  return {
    lane: "events",
    starts: Float64Array.from(starts),
    ends: Float64Array.from(starts, (s, i) => (i % 97 === 0 ? s + 5_000 : s)),
    ids: starts.map((_, i) => `e${i}`),
    labels: starts.map((_, i) => `event ${i}`),
    categories: Uint16Array.from(starts, (_, i) => i % 3),
    categoryNames: ["click", "input", "keydown"],
    flagged: Uint8Array.from(starts, (_, i) => (i % 1000 === 0 ? 1 : 0)),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("per-zoom timeline tiles", () => {
  const lane = laneOf(30_000);
  const bounds = indexBounds([lane]);
  const tiles = [...buildLaneTiles(lane, bounds, 1000)];
  const byLevel = (level: number) => tiles.filter((t) => t.level === level);

  it("conserves the lane's count at every level: each item is binned once, where it starts", () => {
    const deepest = Math.max(...tiles.map((t) => t.level));
    expect(deepest).toBeGreaterThan(2);
    for (let level = 0; level <= deepest; level++) {
      // A level's tiles plus the leaves above it cover the session once: their starts-in-tile counts sum to n.
      let counted = 0;
      for (const tile of tiles.filter((t) => t.level <= level)) {
        const isCover = tile.level === level || tile.kind === "items";
        if (!isCover) continue;
        if (tile.kind === "bins") counted += sum(tile.counts);
        else {
          const range = tileRange(bounds, tile.level, tile.tile);
          counted += tile.starts.filter((s) => s >= range.from || tile.tile === 0).length;
        }
      }
      expect(counted, `level ${level}`).toBe(lane.starts.length);
    }
  });

  it("splits a tile while it holds more than the raw limit, and writes all four children of a split", () => {
    for (const tile of tiles) {
      if (tile.kind === "bins") {
        expect(sum(tile.counts)).toBeGreaterThan(0);
        const children = tiles.filter(
          (t) => t.level === tile.level + 1 && Math.floor(t.tile / 4) === tile.tile,
        );
        expect(children).toHaveLength(4);
        expect(Math.max(...tile.bins)).toBeLessThan(TILE_BINS);
      } else {
        expect(tile.ids.length).toBeLessThanOrEqual(1000);
      }
    }
    expect(byLevel(0)[0]?.kind).toBe("bins");
  });

  it("a leaf holds exactly the items overlapping its range", () => {
    const leaves = tiles.filter((t): t is ItemsTile => t.kind === "items" && t.ids.length > 0);
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves.slice(0, 40)) {
      const range = tileRange(bounds, leaf.level, leaf.tile);
      const expected: string[] = [];
      for (let i = 0; i < lane.starts.length; i++) {
        const overlaps = (lane.starts[i] as number) < range.to && (lane.ends[i] as number) >= range.from;
        const edge =
          (leaf.tile === 0 && (lane.starts[i] as number) < range.to) ||
          (leaf.tile === 4 ** leaf.level - 1 && (lane.starts[i] as number) >= range.from);
        if (overlaps || edge) expected.push(lane.ids[i] as string);
      }
      expect(leaf.ids).toEqual(expected);
    }
  });

  it("picks about one bin per pixel and the tiles the view overlaps", () => {
    expect(levelForView(bounds, bounds, 1000)).toBe(0);
    const narrow = { from: bounds.from, to: bounds.from + (bounds.to - bounds.from) / 64 };
    const level = levelForView(bounds, narrow, 1000);
    const binMs = (bounds.to - bounds.from) / 4 ** level / TILE_BINS;
    expect(binMs).toBeLessThanOrEqual((narrow.to - narrow.from) / 1000);
    expect(binMs * 4).toBeGreaterThan((narrow.to - narrow.from) / 1000);
    expect(tilesInView(bounds, 2, { from: bounds.from - 10, to: bounds.from + 1 })).toEqual([0]);
    expect(tilesInView(bounds, 1, bounds)).toEqual([0, 1, 2, 3]);
  });

  it("finds items overlapping a range, long ones that started before it included", () => {
    const range = { from: lane.starts[5000] as number, to: lane.starts[5100] as number };
    const found = itemsOverlapping(lane, range, 5_000);
    const brute = [...lane.starts.keys()].filter(
      (i) => (lane.starts[i] as number) < range.to && (lane.ends[i] as number) >= range.from,
    );
    expect(found).toEqual(brute);
  });
});

describe("composing a lane from tiles", () => {
  const lane = laneOf(3000);
  const bounds = indexBounds([lane]);
  const tiles = [...buildLaneTiles(lane, bounds, 1000)];
  const manifestLane = {
    id: "events" as const,
    label: "Raw events",
    count: 3000,
    categoryNames: lane.categoryNames,
    maxDuration: 5000,
  };
  const manifest = { bounds, binsPerTile: TILE_BINS };
  const find = (level: number, tile: number): TimelineTile | undefined => {
    for (let l = level, t = tile; l >= 0; l--, t = Math.floor(t / 4)) {
      const hit = tiles.find((x) => x.level === l && x.tile === t);
      if (hit) return hit;
    }
    return undefined;
  };

  it("joins the visible leaves into sorted columns with each item once", () => {
    const level = Math.max(...tiles.map((t) => t.level));
    const visible = Array.from({ length: 4 ** level }, (_, t) => ({
      range: tileRange(bounds, level, t),
      data: find(level, t),
    }));
    const columns = composeLane(manifestLane, manifest, visible, tiles[0]);
    expect(columns.ids.length).toBe(3000);
    expect(new Set(columns.ids).size).toBe(3000);
    for (let i = 1; i < columns.starts.length; i++)
      expect(columns.starts[i] as number).toBeGreaterThanOrEqual(columns.starts[i - 1] as number);
    expect(columns.total).toBe(3000);
    expect(columns.bins).toBeUndefined();
  });

  it("shows the overview's bins over the range of a tile still loading", () => {
    const overview = tiles[0] as BinsTile;
    const range = tileRange(bounds, 1, 2);
    const columns = composeLane(manifestLane, manifest, [{ range }], overview);
    expect(columns.ids).toEqual([]);
    const shown = columns.bins?.[0];
    expect(shown?.bins.length).toBeGreaterThan(0);
    for (const bin of shown?.bins ?? []) {
      const start = (shown?.from ?? 0) + bin * (shown?.binMs ?? 0);
      expect(start + (shown?.binMs ?? 0)).toBeGreaterThan(range.from);
      expect(start).toBeLessThan(range.to);
    }
  });
});
