"use client";

import { formatDuration } from "@/lib/explorer/time-axis-ticks";
import { TIMELINE_AXIS_HEIGHT } from "@/lib/explorer/timeline-hit-test";
import type { LaneColumns } from "@/lib/explorer/timeline-lanes";
import { formatMs } from "./explorer-inspector";

const TOOLTIP_WIDTH = 256;

/** What is under the pointer: kind, label, when and how long. Follows the pointer, never takes it. */
export function TimelineTooltip({
  lane,
  index,
  x,
  y,
  width,
}: {
  lane: LaneColumns;
  index: number;
  x: number;
  y: number;
  width: number;
}) {
  const start = lane.starts[index] as number;
  const end = lane.ends[index] as number;
  const category = lane.categoryNames[lane.categories[index] as number];
  // Flip to the pointer's left near the right edge so the tooltip never widens the page.
  const left = x + 12 + TOOLTIP_WIDTH > width ? Math.max(0, x - 12 - TOOLTIP_WIDTH) : x + 12;
  return (
    <div
      role="tooltip"
      data-testid="timeline-tooltip"
      className="pointer-events-none absolute z-10 rounded-md border bg-popover px-2 py-1.5 text-xs shadow-md"
      style={{ left, top: TIMELINE_AXIS_HEIGHT + y + 14, width: TOOLTIP_WIDTH }}
    >
      <p className="text-muted-foreground">
        {lane.label}
        {category && category !== lane.label ? ` · ${category}` : ""}
      </p>
      <p className="font-medium break-all">{lane.labels[index]}</p>
      <p className="text-muted-foreground tabular-nums">
        at {formatMs(start)} · {formatDuration(end - start)}
      </p>
    </div>
  );
}
