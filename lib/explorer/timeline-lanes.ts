/**
 * Columnar lane data for the trace explorer. Columns (typed arrays) rather than objects keep a 1M-event session
 * at a few tens of MB in the browser and make range lookups a binary search.
 */
export type LaneId = "events" | "interactions" | "windows" | "actions" | "toolCalls";

export const LANE_LABELS: Record<LaneId, string> = {
  events: "Raw events",
  interactions: "Interactions",
  windows: "Windows",
  actions: "Actions",
  toolCalls: "Tool calls",
};

export interface LaneColumns {
  id: LaneId;
  label: string;
  /** Start and end times in ms since the session start, sorted by start. */
  starts: Float64Array;
  ends: Float64Array;
  ids: string[];
  labels: string[];
  /** Index into a small category list used for colour, e.g. event type or action slug. */
  categories: Uint16Array;
  categoryNames: string[];
  /** Items needing review are drawn with a warning outline. */
  flagged?: Uint8Array;
  /** Ids in other lanes each item came from (an action's interactions and raw events, a tool call's action). */
  links?: string[][];
  /** Items in the whole lane, when the columns hold only the items of the loaded range (a large lane). */
  total?: number;
  /** Density to draw where the view shows a large lane zoomed out: bins instead of items. */
  bins?: LaneBins[];
}

/** Sparse fixed-width bins from `from`: bin `bins[k]` starts at `from + bins[k] * binMs` and holds `counts[k]`. */
export interface LaneBins {
  from: number;
  binMs: number;
  bins: number[];
  counts: number[];
  /** Each bin's most frequent category (index into the lane's category names), for its colour. */
  top: number[];
  flagged?: number[];
}

/**
 * Everything linked to the selected item, both ways: what it came from (its links) and what came from it
 * (items in other lanes whose links name it), so selecting an action lights up its source events.
 */
export function linkedIds(lanes: LaneColumns[], lane: LaneColumns, index: number): Set<string> {
  const selectedId = lane.ids[index] as string;
  const out = new Set<string>(lane.links?.[index] ?? []);
  for (const other of lanes) {
    if (!other.links) continue;
    other.links.forEach((links, i) => {
      if (links.includes(selectedId)) {
        out.add(other.ids[i] as string);
        for (const id of links) if (id !== selectedId) out.add(id);
      }
    });
  }
  return out;
}

/** Items whose label contains the query (case-insensitive), in lane order then time order. */
export function searchLanes(lanes: LaneColumns[], query: string, limit = 10_000) {
  const needle = query.trim().toLowerCase();
  const matches: { lane: LaneId; index: number }[] = [];
  if (!needle) return matches;
  for (const lane of lanes) {
    for (let i = 0; i < lane.labels.length && matches.length < limit; i++) {
      if ((lane.labels[i] as string).toLowerCase().includes(needle) || lane.ids[i] === query.trim()) {
        matches.push({ lane: lane.id, index: i });
      }
    }
  }
  return matches;
}

/** First index whose start is ≥ t (lower bound). */
export function lowerBound(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes of items overlapping [from, to]. Items are sorted by start; ends may overlap later starts. */
export function visibleRange(lane: LaneColumns, from: number, to: number, maxItemDuration: number) {
  return { first: lowerBound(lane.starts, from - maxItemDuration), last: lowerBound(lane.starts, to) };
}

export function maxDuration(lane: LaneColumns): number {
  let max = 0;
  for (let i = 0; i < lane.starts.length; i++) {
    const d = (lane.ends[i] as number) - (lane.starts[i] as number);
    if (d > max) max = d;
  }
  return max;
}

export interface Viewport {
  from: number;
  to: number;
}

/** Zooms around an anchor time keeping it under the pointer; never narrower than 1 ms or wider than the session. */
export function zoomViewport(view: Viewport, anchor: number, factor: number, bounds: Viewport): Viewport {
  const span = Math.min(bounds.to - bounds.from, Math.max(1, (view.to - view.from) * factor));
  const ratio = (anchor - view.from) / (view.to - view.from || 1);
  let from = anchor - span * ratio;
  from = Math.max(bounds.from, Math.min(from, bounds.to - span));
  return { from, to: from + span };
}

export function panViewport(view: Viewport, delta: number, bounds: Viewport): Viewport {
  const span = view.to - view.from;
  const from = Math.max(bounds.from, Math.min(view.from + delta, bounds.to - span));
  return { from, to: from + span };
}
