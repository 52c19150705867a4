import { type LaneColumns, type LaneId, lowerBound } from "./timeline-lanes";

/**
 * The explorer's precomputed per-zoom index of a lane. The session's span is cut into tiles: level 0 is one tile,
 * each level splits every tile of the level above into four. A tile holding more than `RAW_ITEMS_PER_TILE` items
 * is stored as `TILE_BINS` fixed-width bins (count, most frequent category, flagged count) and split further; a
 * tile holding at most that many is stored as its raw items and is a leaf. The browser fetches only the tiles of
 * the visible range at the level whose bins are about one pixel wide, so it never holds a 1M-item lane.
 */
export const TILE_BINS = 2048;
export const RAW_ITEMS_PER_TILE = 4096;
/** At level 12 a tile of an 11-hour session spans ~2 ms: denser bursts are stored raw there rather than split. */
export const MAX_TILE_LEVEL = 12;

export interface TileBounds {
  from: number;
  to: number;
}

/** Bins of one tile, sparse: only non-empty bins are listed, by index into the tile's `TILE_BINS`. */
export interface BinsTile {
  kind: "bins";
  lane: LaneId;
  level: number;
  tile: number;
  bins: number[];
  counts: number[];
  /** Index into the lane's category names of each bin's most frequent category. */
  top: number[];
  flagged?: number[];
}

/** The items overlapping one tile, as parallel columns (categories as indexes into the lane's names). */
export interface ItemsTile {
  kind: "items";
  lane: LaneId;
  level: number;
  tile: number;
  starts: number[];
  ends: number[];
  ids: string[];
  labels: string[];
  categories: number[];
  flagged?: number[];
  links?: string[][];
}

export type TimelineTile = BinsTile | ItemsTile;

/** One lane's items, sorted by start; times are ms after the session's first event (the columns' own fields). */
export type LaneItems = { lane: LaneId } & Pick<
  LaneColumns,
  "starts" | "ends" | "ids" | "labels" | "categories" | "categoryNames" | "flagged" | "links"
>;

export const tileSpan = (bounds: TileBounds, level: number) =>
  Math.max(1e-6, bounds.to - bounds.from) / 4 ** level;

export function tileRange(bounds: TileBounds, level: number, tile: number): TileBounds {
  const span = tileSpan(bounds, level);
  return { from: bounds.from + tile * span, to: bounds.from + (tile + 1) * span };
}

/** The session's span padded a little on each side: the view the explorer opens on. */
export function openingView({ bounds }: { bounds: TileBounds }): TileBounds {
  const pad = Math.max(50, (bounds.to - bounds.from) * 0.02);
  return { from: bounds.from - pad, to: bounds.to + pad };
}

/** The coarsest level whose bins are at most `msPerPixel` wide: one bin per pixel or finer. */
export function levelForView(bounds: TileBounds, view: TileBounds, plotPixels: number): number {
  const msPerPixel = Math.max(1e-9, view.to - view.from) / Math.max(1, plotPixels);
  const binsAtLevel0 = tileSpan(bounds, 0) / TILE_BINS;
  const level = Math.ceil(Math.log(binsAtLevel0 / msPerPixel) / Math.log(4));
  return Math.max(0, Math.min(MAX_TILE_LEVEL, level));
}

/** Indexes of the tiles at `level` overlapping the view, clipped to the session. */
export function tilesInView(bounds: TileBounds, level: number, view: TileBounds): number[] {
  const span = tileSpan(bounds, level);
  const last = 4 ** level - 1;
  const first = Math.max(0, Math.min(last, Math.floor((view.from - bounds.from) / span)));
  const end = Math.max(0, Math.min(last, Math.floor((view.to - bounds.from) / span)));
  const out: number[] = [];
  for (let t = first; t <= end; t++) out.push(t);
  return out;
}

/** The tile at `level` containing tile `tile` of a deeper level. */
export const ancestorTile = (level: number, tile: number, ancestorLevel: number) =>
  Math.floor(tile / 4 ** (level - ancestorLevel));

export function maxItemDuration(items: Pick<LaneItems, "starts" | "ends">): number {
  let max = 0;
  for (let i = 0; i < items.starts.length; i++)
    max = Math.max(max, (items.ends[i] as number) - (items.starts[i] as number));
  return max;
}

/**
 * Indexes of the items overlapping [from, to): starting before `to` and ending at or after `from`. The first and
 * last tile also take items outside the session bounds, so every item lands in some tile.
 */
export function itemsOverlapping(
  items: Pick<LaneItems, "starts" | "ends">,
  range: TileBounds,
  maxDuration: number,
  edges: { first: boolean; last: boolean } = { first: false, last: false },
): number[] {
  const lo = edges.first ? 0 : lowerBound(items.starts, range.from - maxDuration);
  const hi = edges.last ? items.starts.length : lowerBound(items.starts, range.to);
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (edges.first || (items.ends[i] as number) >= range.from) out.push(i);
  return out;
}

function itemsTile(items: LaneItems, level: number, tile: number, indexes: number[]): ItemsTile {
  const pick = <T>(get: (i: number) => T) => indexes.map(get);
  return {
    kind: "items",
    lane: items.lane,
    level,
    tile,
    starts: pick((i) => items.starts[i] as number),
    ends: pick((i) => items.ends[i] as number),
    ids: pick((i) => items.ids[i] as string),
    labels: pick((i) => items.labels[i] as string),
    categories: pick((i) => items.categories[i] as number),
    ...(items.flagged ? { flagged: pick((i) => items.flagged?.[i] ?? 0) } : {}),
    ...(items.links ? { links: pick((i) => items.links?.[i] ?? []) } : {}),
  };
}

function binsTile(
  items: LaneItems,
  bounds: TileBounds,
  level: number,
  tile: number,
  indexes: number[],
): BinsTile {
  const range = tileRange(bounds, level, tile);
  const binMs = (range.to - range.from) / TILE_BINS;
  const counts = new Uint32Array(TILE_BINS);
  const flagged = new Uint32Array(TILE_BINS);
  // Per bin, the counts of each category seen in it (few categories per bin, so a small map each).
  const perCategory = new Map<number, Map<number, number>>();
  for (const i of indexes) {
    const start = items.starts[i] as number;
    // An item is counted once, in the tile and bin where it starts, so every level's counts sum to the lane's.
    if (start < range.from && tile !== 0) continue;
    const bin = Math.max(0, Math.min(TILE_BINS - 1, Math.floor((start - range.from) / binMs)));
    counts[bin] = (counts[bin] as number) + 1;
    if (items.flagged?.[i]) flagged[bin] = (flagged[bin] as number) + 1;
    const category = items.categories[i] as number;
    let seen = perCategory.get(bin);
    if (!seen) {
      seen = new Map();
      perCategory.set(bin, seen);
    }
    seen.set(category, (seen.get(category) ?? 0) + 1);
  }
  const out: BinsTile = { kind: "bins", lane: items.lane, level, tile, bins: [], counts: [], top: [] };
  const hasFlags = flagged.some((n) => n > 0);
  if (hasFlags) out.flagged = [];
  for (let bin = 0; bin < TILE_BINS; bin++) {
    if (!counts[bin]) continue;
    let top = 0;
    let topCount = -1;
    for (const [category, n] of perCategory.get(bin) ?? []) {
      if (n > topCount) {
        top = category;
        topCount = n;
      }
    }
    out.bins.push(bin);
    out.counts.push(counts[bin] as number);
    out.top.push(top);
    if (hasFlags) out.flagged?.push(flagged[bin] as number);
  }
  return out;
}

/**
 * Every tile of a lane, coarse to fine. A tile is split while it holds more than `rawLimit` items; the four
 * children of a split tile are always written (an empty one as an empty items tile), so a tile a client asks for
 * either exists or has a leaf ancestor.
 */
export function* buildLaneTiles(
  items: LaneItems,
  bounds: TileBounds,
  rawLimit = RAW_ITEMS_PER_TILE,
): Generator<TimelineTile> {
  const maxDuration = maxItemDuration(items);
  const pending: { level: number; tile: number }[] = [{ level: 0, tile: 0 }];
  while (pending.length > 0) {
    const { level, tile } = pending.shift() as { level: number; tile: number };
    const last = 4 ** level - 1;
    const indexes = itemsOverlapping(items, tileRange(bounds, level, tile), maxDuration, {
      first: tile === 0,
      last: tile === last,
    });
    if (indexes.length <= rawLimit || level >= MAX_TILE_LEVEL) {
      yield itemsTile(items, level, tile, indexes);
      continue;
    }
    yield binsTile(items, bounds, level, tile, indexes);
    for (let child = 0; child < 4; child++) pending.push({ level: level + 1, tile: tile * 4 + child });
  }
}
