"use client";

import type { AxisTick } from "@/lib/explorer/time-axis-ticks";
import { TIMELINE_AXIS_HEIGHT } from "@/lib/explorer/timeline-hit-test";
import type { Viewport } from "@/lib/explorer/timeline-lanes";

/**
 * Tick labels over the canvas, as text (readable, selectable and crisp at any pixel ratio); the canvas draws the
 * matching grid lines. Times are relative to the session's first event.
 */
export function TimelineAxis({
  ticks,
  viewport,
  labelWidth,
  plotWidth,
}: {
  ticks: AxisTick[];
  viewport: Viewport;
  labelWidth: number;
  plotWidth: number;
}) {
  const scale = plotWidth / Math.max(1, viewport.to - viewport.from);
  return (
    <div
      className="relative overflow-hidden border-b text-[11px] text-muted-foreground tabular-nums"
      style={{ height: TIMELINE_AXIS_HEIGHT }}
      data-testid="timeline-axis"
    >
      <span className="absolute top-1 left-1.5">Time</span>
      <div className="absolute inset-y-0 right-0" style={{ left: labelWidth }}>
        {ticks.map((tick) => (
          <span
            key={tick.t}
            className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
            style={{ left: (tick.t - viewport.from) * scale }}
          >
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}
