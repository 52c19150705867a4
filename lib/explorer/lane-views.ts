import type { LaneColumns, Viewport } from "./timeline-lanes";

/**
 * The time span the timeline opens on: the raw events' span (they define the session), with a little padding.
 * Derived lanes can reach outside it (a window opened before the first recorded event) and are clipped.
 */
export function sessionBounds(lanes: LaneColumns[]): Viewport {
  const events = lanes.find((lane) => lane.id === "events" && lane.starts.length > 0);
  const source = events ? [events] : lanes;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const lane of source) {
    if (lane.starts.length === 0) continue;
    from = Math.min(from, lane.starts[0] as number);
    for (const end of lane.ends) if (end > to) to = end;
  }
  if (!Number.isFinite(from)) return { from: 0, to: 1000 };
  const pad = Math.max(50, (to - from) * 0.02);
  return { from: from - pad, to: to + pad };
}

/** Drops hidden event types from the raw-event lane by building a filtered copy of its columns. */
export function filterEventTypes(lanes: LaneColumns[], hidden: ReadonlySet<string>): LaneColumns[] {
  if (hidden.size === 0) return lanes;
  return lanes.map((lane) => {
    if (lane.id !== "events") return lane;
    const keep: number[] = [];
    for (let i = 0; i < lane.starts.length; i++) {
      if (!hidden.has(lane.categoryNames[lane.categories[i] as number] as string)) keep.push(i);
    }
    return {
      ...lane,
      starts: Float64Array.from(keep, (i) => lane.starts[i] as number),
      ends: Float64Array.from(keep, (i) => lane.ends[i] as number),
      ids: keep.map((i) => lane.ids[i] as string),
      labels: keep.map((i) => lane.labels[i] as string),
      categories: Uint16Array.from(keep, (i) => lane.categories[i] as number),
      flagged: lane.flagged ? Uint8Array.from(keep, (i) => lane.flagged?.[i] ?? 0) : undefined,
      links: lane.links ? keep.map((i) => lane.links?.[i] ?? []) : undefined,
    };
  });
}
