import type { TimelineManifest, TimelineTilePicture } from "@/schemas/timeline";
import { TIMELINE_LANE_HEIGHT as LANE_HEIGHT, markerExtent } from "./timeline-hit-test";
import type { LaneId, Viewport } from "./timeline-lanes";
import { tileRange } from "./timeline-tiles";

type BinsTile = Extract<TimelineTilePicture, { kind: "bins" }>;
type ItemsTile = Extract<TimelineTilePicture, { kind: "items" }>;

/**
 * The explorer's opening view as a picture the server draws into the page: each lane's overview tile (level 0)
 * drawn the way the canvas draws it (timeline-canvas, draw-lane-bins), as SVG paths over `OVERVIEW_COLUMNS`
 * columns that the browser stretches to the plot's width. It is on screen with the page's first paint, before any
 * script has run, and the canvas replaces it once the tiles have loaded. Colours are palette slots, so the
 * picture takes the theme's `--timeline-*` variables like the canvas does.
 */
export const OVERVIEW_COLUMNS = 1024;
const PALETTE_SIZE = 8;

export interface OverviewLane {
  id: LaneId;
  label: string;
  count: number;
  /** Filled bars, one path per palette slot (0-based). */
  fills: { slot: number; d: string }[];
  /** Marks in the flag colour: filled over flagged bins, outlines around flagged items. */
  flagMarks?: string;
  flagOutlines?: string;
}

export interface TimelineOverview {
  view: Viewport;
  columns: number;
  lanes: OverviewLane[];
}

interface Bar {
  x: number;
  w: number;
  y: number;
  h: number;
}

// Hundredths of a column and tenths of a pixel: finer is invisible and only makes the page heavier.
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const rect = ({ x, w, y, h }: Bar) =>
  `M${round(x, 2)} ${round(y, 1)}h${round(w, 2)}v${round(h, 1)}h${-round(w, 2)}z`;

/** Per slot, the bars as one path each. */
class Paths {
  private bySlot = new Map<number, string[]>();
  add(slot: number, bar: Bar) {
    const list = this.bySlot.get(slot) ?? [];
    list.push(rect(bar));
    this.bySlot.set(slot, list);
  }
  fills() {
    return [...this.bySlot].sort(([a], [b]) => a - b).map(([slot, parts]) => ({ slot, d: parts.join("") }));
  }
}

/** Columns of equal height and slot, side by side, become one bar (heights are whole pixels, so runs are long). */
function addColumnRuns(paths: Paths, heights: Float64Array, slots: Int16Array, bottom: number) {
  for (let column = 0; column < heights.length; ) {
    const h = heights[column] as number;
    const slot = slots[column] as number;
    let end = column + 1;
    while (end < heights.length && heights[end] === h && slots[end] === slot) end++;
    if (h > 0) paths.add(slot, { x: column, w: end - column, y: bottom - h, h });
    column = end;
  }
}

/** As drawLaneBins: per column the fullest bin, its height on a log scale of the peak, its top category's colour. */
function drawBins(
  tile: BinsTile,
  lane: OverviewLane,
  manifest: Overviewable,
  toX: (t: number) => number,
  top: number,
) {
  const range = tileRange(manifest.bounds, tile.level, tile.tile);
  const binMs = (range.to - range.from) / manifest.binsPerTile;
  const counts = new Float64Array(OVERVIEW_COLUMNS);
  const slots = new Int16Array(OVERVIEW_COLUMNS);
  const flagged = new Uint8Array(OVERVIEW_COLUMNS);
  let peak = 1;
  tile.bins.forEach((bin, k) => {
    const column = Math.floor(toX(range.from + (bin + 0.5) * binMs));
    if (column < 0 || column >= OVERVIEW_COLUMNS) return;
    const count = tile.counts[k] as number;
    peak = Math.max(peak, count);
    if (tile.flagged?.[k]) flagged[column] = 1;
    if (count <= (counts[column] as number)) return;
    counts[column] = count;
    slots[column] = (tile.top[k] ?? 0) % PALETTE_SIZE;
  });
  const heights = counts.map((count) =>
    count > 0 ? Math.round(Math.max(2, (Math.log1p(count) / Math.log1p(peak)) * (LANE_HEIGHT - 12))) : 0,
  );
  const paths = new Paths();
  addColumnRuns(paths, heights, slots, top + LANE_HEIGHT - 6);
  lane.fills = paths.fills();
  const marks = new Paths();
  const flagHeights = flagged.map((f) => f * 2);
  addColumnRuns(marks, Float64Array.from(flagHeights), new Int16Array(OVERVIEW_COLUMNS), top + 6);
  const flagMarks = marks.fills()[0]?.d;
  if (flagMarks) lane.flagMarks = flagMarks;
}

/**
 * As the canvas draws a lane's items: more than two per column as a density bar in the lane's colour, else each
 * item as a bar in its category's colour, at least a marker wide (overlapping bars of one colour are merged).
 */
function drawItems(
  tile: ItemsTile,
  lane: OverviewLane,
  laneIndex: number,
  toX: (t: number) => number,
  top: number,
) {
  const paths = new Paths();
  if (tile.starts.length > OVERVIEW_COLUMNS * 2) {
    const density = new Float64Array(OVERVIEW_COLUMNS);
    for (const start of tile.starts) {
      const column = Math.floor(toX(start));
      if (column >= 0 && column < OVERVIEW_COLUMNS) density[column] = (density[column] as number) + 1;
    }
    const peak = Math.max(1, ...density);
    const heights = density.map((n) =>
      n > 0 ? Math.round(Math.max(2, (n / peak) * (LANE_HEIGHT - 12))) : 0,
    );
    addColumnRuns(
      paths,
      heights,
      new Int16Array(OVERVIEW_COLUMNS).fill(laneIndex % PALETTE_SIZE),
      top + LANE_HEIGHT - 6,
    );
    lane.fills = paths.fills();
    return;
  }
  const open = new Map<number, { left: number; right: number }>();
  const flush = (slot: number) => {
    const run = open.get(slot);
    if (run) paths.add(slot, { x: run.left, w: run.right - run.left, y: top + 8, h: LANE_HEIGHT - 16 });
    open.delete(slot);
  };
  const outlines: string[] = [];
  tile.starts.forEach((start, i) => {
    const { left, width } = markerExtent(toX(start), toX(tile.ends[i] as number));
    const x0 = Math.max(0, left);
    const x1 = Math.min(OVERVIEW_COLUMNS, left + width);
    if (x1 <= x0) return;
    const slot = (tile.categories[i] ?? 0) % PALETTE_SIZE;
    const run = open.get(slot);
    if (run && x0 <= run.right) run.right = Math.max(run.right, x1);
    else {
      flush(slot);
      open.set(slot, { left: x0, right: x1 });
    }
    if (tile.flagged?.[i]) outlines.push(rect({ x: x0, w: x1 - x0, y: top + 8, h: LANE_HEIGHT - 16 }));
  });
  for (const slot of [...open.keys()]) flush(slot);
  lane.fills = paths.fills();
  if (outlines.length > 0) lane.flagOutlines = outlines.join("");
}

type Overviewable = Pick<TimelineManifest, "bounds" | "binsPerTile" | "lanes">;

/** The overview of the lanes the manifest lists, over `view`, from their level-0 tiles (a lane without one is blank). */
export function drawTimelineOverview(
  manifest: Overviewable,
  tiles: TimelineTilePicture[],
  view: Viewport,
): TimelineOverview {
  const toX = (t: number) => ((t - view.from) / Math.max(1e-9, view.to - view.from)) * OVERVIEW_COLUMNS;
  const lanes = manifest.lanes.map((summary, laneIndex) => {
    const lane: OverviewLane = { id: summary.id, label: summary.label, count: summary.count, fills: [] };
    const tile = tiles.find((t) => t.lane === summary.id && t.level === 0);
    const top = laneIndex * LANE_HEIGHT;
    if (tile?.kind === "bins") drawBins(tile, lane, manifest, toX, top);
    else if (tile?.kind === "items") drawItems(tile, lane, laneIndex, toX, top);
    return lane;
  });
  return { view, columns: OVERVIEW_COLUMNS, lanes };
}
