import { type LaneColumns, lowerBound, type Viewport } from "./timeline-lanes";

/** Action and tool-call markers are often instants: drawn and hit at least this wide so a finger or pointer finds them. */
export const MIN_MARKER_PX = 6;

/** Where an item from x0 to x1 is drawn: as is when wide enough, else MIN_MARKER_PX wide, centred on it. */
export function markerExtent(x0: number, x1: number): { left: number; width: number } {
  if (x1 - x0 >= MIN_MARKER_PX) return { left: x0, width: x1 - x0 };
  return { left: (x0 + x1) / 2 - MIN_MARKER_PX / 2, width: MIN_MARKER_PX };
}

/**
 * The item of a lane under a pointer at `x` px of a plot `plotWidth` px wide: one whose drawn marker contains the
 * point, else the nearest within MIN_MARKER_PX. Only the items just before the pointer are scanned (sorted starts),
 * so it costs the same at 1M events.
 */
export function hitTestLane(
  lane: LaneColumns,
  view: Viewport,
  plotWidth: number,
  x: number,
): number | undefined {
  if (lane.starts.length === 0 || x < 0 || x > plotWidth) return undefined;
  const msPerPx = (view.to - view.from) / Math.max(1, plotWidth);
  const t = view.from + x * msPerPx;
  const toX = (time: number) => (time - view.from) / msPerPx;
  const around = lowerBound(lane.starts, t + MIN_MARKER_PX * msPerPx);
  let best: number | undefined;
  let bestDistance = MIN_MARKER_PX;
  for (let i = Math.min(lane.starts.length, around) - 1; i >= Math.max(0, around - 200); i--) {
    const { left, width } = markerExtent(toX(lane.starts[i] as number), toX(lane.ends[i] as number));
    const distance =
      x >= left && x <= left + width ? 0 : Math.min(Math.abs(x - left), Math.abs(x - left - width));
    // Strictly closer wins; on a tie the later item (drawn on top) is kept, as it was found first.
    if (distance < bestDistance || (best === undefined && distance <= bestDistance)) {
      best = i;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/** The canvas layout, shared by drawing, hit testing and the time axis above it. */
export const TIMELINE_LANE_HEIGHT = 36;
export const TIMELINE_LABEL_WIDTH = 110;
export const TIMELINE_AXIS_HEIGHT = 22;
