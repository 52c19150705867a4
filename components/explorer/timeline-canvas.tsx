"use client";

import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { timeAxisTicks } from "@/lib/explorer/time-axis-ticks";
import {
  hitTestLane,
  TIMELINE_LABEL_WIDTH as LABEL_WIDTH,
  TIMELINE_LANE_HEIGHT as LANE_HEIGHT,
  markerExtent,
} from "@/lib/explorer/timeline-hit-test";
import {
  type LaneColumns,
  maxDuration,
  panViewport,
  type Viewport,
  visibleRange,
  zoomViewport,
} from "@/lib/explorer/timeline-lanes";
import { drawLaneBins } from "./draw-lane-bins";
import { TimelineAxis } from "./timeline-axis";
import { useTimelineColors } from "./timeline-colors";
import { TimelineTooltip } from "./timeline-tooltip";

export interface TimelineSelection {
  lane: LaneColumns["id"];
  index: number;
}

interface TimelineCanvasProps {
  lanes: LaneColumns[];
  bounds: Viewport;
  viewport: Viewport;
  onViewportChange: (viewport: Viewport) => void;
  selection?: TimelineSelection;
  /** Ids drawn highlighted: the selected item's sources (interactions, raw events) and results (tool calls). */
  highlighted: ReadonlySet<string>;
  /** Ids matching the search: drawn at full strength while everything else is dimmed. */
  matched?: ReadonlySet<string>;
  onSelect: (selection: TimelineSelection) => void;
  onFrame?: (ms: number) => void;
  /** Keys pressed while the timeline has focus; returns whether it handled the key. */
  onKey?: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The explorer's timeline: a canvas, so a 1M-event lane costs one pass over the visible index range. When more
 * items fall in a pixel column than can be told apart, the column is drawn as a density bar. Items are clipped to
 * the plot so zoomed bars never cover the lane labels; instants are drawn (and hit) at least 6 px wide.
 */
export function TimelineCanvas(props: TimelineCanvasProps) {
  const { lanes, bounds, viewport, onViewportChange, selection, highlighted, matched, onSelect, onFrame } =
    props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const durations = useMemo(() => new Map(lanes.map((lane) => [lane.id, maxDuration(lane)])), [lanes]);
  const drag = useRef<{ x: number; view: Viewport } | undefined>(undefined);
  const colors = useTimelineColors();
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<(TimelineSelection & { x: number; y: number }) | undefined>();
  const plotWidth = Math.max(1, width - LABEL_WIDTH);
  const ticks = useMemo(() => timeAxisTicks(viewport, plotWidth), [viewport, plotWidth]);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = lanes.length * LANE_HEIGHT;
    if (canvas.width !== width * dpr || canvas.height !== height * dpr) {
      canvas.width = width * dpr;
      canvas.height = height * dpr;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const plotWidth = Math.max(1, width - LABEL_WIDTH);
    const scale = plotWidth / Math.max(1, viewport.to - viewport.from);
    const toX = (t: number) => LABEL_WIDTH + (t - viewport.from) * scale;
    const { palette } = colors;
    const isSearching = Boolean(matched && matched.size > 0);
    const dims = highlighted.size > 0 || isSearching;
    ctx.font = "12px ui-sans-serif, system-ui";

    for (let laneIndex = 0; laneIndex < lanes.length; laneIndex++) {
      ctx.fillStyle = laneIndex % 2 ? colors.stripe : "transparent";
      ctx.fillRect(0, laneIndex * LANE_HEIGHT, width, LANE_HEIGHT);
    }
    // Grid lines at the axis ticks, then every item, all clipped to the plot: the labels' column stays clear.
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_WIDTH, 0, plotWidth, height);
    ctx.clip();
    ctx.fillStyle = colors.stripe;
    for (const tick of ticks) ctx.fillRect(Math.round(toX(tick.t)), 0, 1, height);

    lanes.forEach((lane, laneIndex) => {
      const top = laneIndex * LANE_HEIGHT;
      if (lane.bins) {
        drawLaneBins(ctx, lane.bins, {
          toX,
          left: LABEL_WIDTH,
          right: width,
          top,
          height: LANE_HEIGHT,
          palette,
          flagColor: colors.flag,
        });
      }
      const { first, last } = visibleRange(lane, viewport.from, viewport.to, durations.get(lane.id) ?? 0);
      const density = new Uint32Array(Math.ceil(plotWidth) + 1);
      const dense = last - first > plotWidth * 2;
      for (let i = first; i < last; i++) {
        const { left, width: w } = markerExtent(toX(lane.starts[i] as number), toX(lane.ends[i] as number));
        const id = lane.ids[i] as string;
        const isSelected = selection?.lane === lane.id && selection.index === i;
        const isHighlighted = highlighted.has(id);
        const isMatch = matched?.has(id) ?? false;
        if (dense && !isSelected && !isHighlighted && !isMatch) {
          const column = Math.max(0, Math.min(density.length - 1, Math.floor(left - LABEL_WIDTH)));
          density[column] = (density[column] ?? 0) + 1;
          continue;
        }
        ctx.fillStyle = palette[(lane.categories[i] ?? 0) % palette.length] as string;
        ctx.globalAlpha = dims && !isHighlighted && !isSelected && !isMatch ? 0.3 : 1;
        ctx.fillRect(left, top + 8, w, LANE_HEIGHT - 16);
        ctx.globalAlpha = 1;
        if (lane.flagged?.[i]) {
          ctx.strokeStyle = colors.flag;
          ctx.strokeRect(left, top + 8, w, LANE_HEIGHT - 16);
        }
        if (isSelected || isHighlighted || isMatch) {
          ctx.strokeStyle = isSelected ? colors.selected : colors.highlight;
          ctx.lineWidth = 2;
          ctx.setLineDash(isMatch && !isSelected && !isHighlighted ? [3, 2] : []);
          ctx.strokeRect(left - 1, top + 6, w + 2, LANE_HEIGHT - 12);
          ctx.setLineDash([]);
          ctx.lineWidth = 1;
        }
        if (!dense && w > 40) {
          ctx.fillStyle = colors.itemText;
          ctx.fillText(fitText(ctx, lane.labels[i] ?? "", w - 6), Math.max(left, LABEL_WIDTH) + 3, top + 22);
        }
      }
      if (dense) {
        let peak = 1;
        for (const count of density) peak = Math.max(peak, count);
        ctx.fillStyle = palette[laneIndex % palette.length] as string;
        ctx.globalAlpha = isSearching ? 0.3 : 1;
        density.forEach((count, column) => {
          if (!count) return;
          const h = Math.max(2, (count / peak) * (LANE_HEIGHT - 12));
          ctx.fillRect(LABEL_WIDTH + column, top + LANE_HEIGHT - 6 - h, 1, h);
        });
        ctx.globalAlpha = 1;
      }
    });
    ctx.restore();
    // Name over count, so "Raw events" and "1,000,000" both fit the labels' column.
    ctx.fillStyle = colors.label;
    lanes.forEach((lane, laneIndex) => {
      const top = laneIndex * LANE_HEIGHT;
      ctx.font = "12px ui-sans-serif, system-ui";
      ctx.fillText(fitText(ctx, lane.label, LABEL_WIDTH - 10), 6, top + 16);
      ctx.font = "10px ui-sans-serif, system-ui";
      ctx.fillText(
        fitText(ctx, (lane.total ?? lane.starts.length).toLocaleString(), LABEL_WIDTH - 10),
        6,
        top + 29,
      );
    });
    ctx.font = "12px ui-sans-serif, system-ui";
    onFrame?.(performance.now() - started);
  }, [lanes, viewport, selection, highlighted, matched, durations, onFrame, colors, ticks]);

  useEffect(() => {
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [draw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => {
      setWidth(canvas.clientWidth);
      requestAnimationFrame(draw);
    });
    observer.observe(canvas);
    // Wheel must be non-passive to stop the page scrolling while zooming.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const plotWidth = Math.max(1, rect.width - LABEL_WIDTH);
      const t =
        viewport.from +
        ((event.clientX - rect.left - LABEL_WIDTH) / plotWidth) * (viewport.to - viewport.from);
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        const delta = ((event.deltaX || event.deltaY) / plotWidth) * (viewport.to - viewport.from);
        onViewportChange(panViewport(viewport, delta, bounds));
      } else {
        onViewportChange(zoomViewport(viewport, t, event.deltaY > 0 ? 1.25 : 0.8, bounds));
      }
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      observer.disconnect();
      canvas.removeEventListener("wheel", onWheel);
    };
  }, [draw, viewport, bounds, onViewportChange]);

  const hitTest = (clientX: number, clientY: number): TimelineSelection | undefined => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const rect = canvas.getBoundingClientRect();
    const lane = lanes[Math.floor((clientY - rect.top) / LANE_HEIGHT)];
    if (!lane) return undefined;
    const index = hitTestLane(lane, viewport, rect.width - LABEL_WIDTH, clientX - rect.left - LABEL_WIDTH);
    return index === undefined ? undefined : { lane: lane.id, index };
  };

  const selectedLane = selection && lanes.find((l) => l.id === selection.lane);
  const selectedStart = selectedLane && selection ? selectedLane.starts[selection.index] : undefined;
  const hoveredLane = hover && lanes.find((l) => l.id === hover.lane);
  return (
    <div className="relative">
      <TimelineAxis ticks={ticks} viewport={viewport} labelWidth={LABEL_WIDTH} plotWidth={plotWidth} />
      {/* The focusable box takes the keys; the canvas inside it is only pixels to assistive technology. */}
      <div
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a drawn widget with its own keys is an ARIA application
        tabIndex={0}
        role="application"
        aria-label="Session timeline. Arrow keys move the selection, + and − zoom, Enter opens the item in the inspector, ? lists every key."
        data-testid="timeline-focus"
        className="rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        onKeyDown={(event) => {
          if (props.onKey?.(event)) {
            event.preventDefault();
            // Handled here: the page's own key listener (window) must not act on it a second time.
            event.stopPropagation();
          }
        }}
      >
        <canvas
          ref={canvasRef}
          data-testid="timeline-canvas"
          data-highlighted={highlighted.size}
          data-matches={matched?.size ?? 0}
          data-selected={selection ? `${selection.lane}:${selection.index}` : ""}
          data-selected-id={selectedLane && selection ? selectedLane.ids[selection.index] : ""}
          data-selected-visible={
            selectedStart === undefined
              ? ""
              : String(selectedStart >= viewport.from && selectedStart <= viewport.to)
          }
          className="block w-full cursor-crosshair select-none"
          style={{ height: lanes.length * LANE_HEIGHT }}
          onPointerDown={(event) => {
            drag.current = { x: event.clientX, view: viewport };
            setHover(undefined);
          }}
          onPointerMove={(event) => {
            const start = drag.current;
            const canvas = canvasRef.current;
            if (!start) {
              const hit = hitTest(event.clientX, event.clientY);
              const rect = canvas?.getBoundingClientRect();
              setHover(
                hit && rect
                  ? { ...hit, x: event.clientX - rect.left, y: event.clientY - rect.top }
                  : undefined,
              );
              return;
            }
            if (!canvas || Math.abs(event.clientX - start.x) < 3) return;
            const plotWidth = Math.max(1, canvas.clientWidth - LABEL_WIDTH);
            const delta = ((start.x - event.clientX) / plotWidth) * (start.view.to - start.view.from);
            onViewportChange(panViewport(start.view, delta, bounds));
          }}
          onPointerLeave={() => setHover(undefined)}
          onPointerUp={(event) => {
            const start = drag.current;
            drag.current = undefined;
            if (start && Math.abs(event.clientX - start.x) >= 3) return;
            const hit = hitTest(event.clientX, event.clientY);
            if (hit) onSelect(hit);
          }}
        />
      </div>
      {hover && hoveredLane ? (
        <TimelineTooltip lane={hoveredLane} index={hover.index} x={hover.x} y={hover.y} width={width} />
      ) : null}
    </div>
  );
}
