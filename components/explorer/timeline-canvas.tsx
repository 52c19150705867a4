"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import {
  type LaneColumns,
  lowerBound,
  maxDuration,
  panViewport,
  type Viewport,
  visibleRange,
  zoomViewport,
} from "@/lib/explorer/timeline-lanes";
import { drawLaneBins } from "./draw-lane-bins";
import { useTimelineColors } from "./timeline-colors";

const LANE_HEIGHT = 36;
const LABEL_WIDTH = 110;

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
  onSelect: (selection: TimelineSelection) => void;
  onFrame?: (ms: number) => void;
}

/**
 * The explorer's timeline: a canvas, so a 1M-event lane costs one pass over the visible index range. When more
 * items fall in a pixel column than can be told apart, the column is drawn as a density bar.
 */
export function TimelineCanvas(props: TimelineCanvasProps) {
  const { lanes, bounds, viewport, onViewportChange, selection, highlighted, onSelect, onFrame } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const durations = useMemo(() => new Map(lanes.map((lane) => [lane.id, maxDuration(lane)])), [lanes]);
  const drag = useRef<{ x: number; view: Viewport } | undefined>(undefined);
  const colors = useTimelineColors();

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

    lanes.forEach((lane, laneIndex) => {
      const top = laneIndex * LANE_HEIGHT;
      ctx.fillStyle = laneIndex % 2 ? colors.stripe : "transparent";
      ctx.fillRect(0, top, width, LANE_HEIGHT);
      ctx.fillStyle = colors.label;
      ctx.font = "12px ui-sans-serif, system-ui";
      ctx.fillText(`${lane.label} (${(lane.total ?? lane.starts.length).toLocaleString()})`, 6, top + 22);
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
        const x0 = toX(lane.starts[i] as number);
        const x1 = Math.max(x0 + 2, toX(lane.ends[i] as number));
        const id = lane.ids[i] as string;
        const isSelected = selection?.lane === lane.id && selection.index === i;
        const isHighlighted = highlighted.has(id);
        if (dense && !isSelected && !isHighlighted) {
          const column = Math.max(0, Math.min(density.length - 1, Math.floor(x0 - LABEL_WIDTH)));
          density[column] = (density[column] ?? 0) + 1;
          continue;
        }
        ctx.fillStyle = palette[(lane.categories[i] ?? 0) % palette.length] as string;
        ctx.globalAlpha = highlighted.size > 0 && !isHighlighted && !isSelected ? 0.35 : 1;
        ctx.fillRect(x0, top + 8, x1 - x0, LANE_HEIGHT - 16);
        ctx.globalAlpha = 1;
        if (lane.flagged?.[i]) {
          ctx.strokeStyle = colors.flag;
          ctx.strokeRect(x0, top + 8, x1 - x0, LANE_HEIGHT - 16);
        }
        if (isSelected || isHighlighted) {
          ctx.strokeStyle = isSelected ? colors.selected : colors.highlight;
          ctx.lineWidth = 2;
          ctx.strokeRect(x0 - 1, top + 6, x1 - x0 + 2, LANE_HEIGHT - 12);
          ctx.lineWidth = 1;
        }
        if (!dense && x1 - x0 > 40) {
          ctx.fillStyle = colors.itemText;
          ctx.fillText((lane.labels[i] ?? "").slice(0, Math.floor((x1 - x0) / 7)), x0 + 3, top + 22);
        }
      }
      if (dense) {
        let peak = 1;
        for (const count of density) peak = Math.max(peak, count);
        ctx.fillStyle = palette[laneIndex % palette.length] as string;
        density.forEach((count, column) => {
          if (!count) return;
          const h = Math.max(2, (count / peak) * (LANE_HEIGHT - 12));
          ctx.fillRect(LABEL_WIDTH + column, top + LANE_HEIGHT - 6 - h, 1, h);
        });
      }
    });
    onFrame?.(performance.now() - started);
  }, [lanes, viewport, selection, highlighted, durations, onFrame, colors]);

  useEffect(() => {
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [draw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => requestAnimationFrame(draw));
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
    if (!lane || lane.starts.length === 0) return undefined;
    const plotWidth = Math.max(1, rect.width - LABEL_WIDTH);
    const msPerPx = (viewport.to - viewport.from) / plotWidth;
    const t = viewport.from + (clientX - rect.left - LABEL_WIDTH) * msPerPx;
    // Nearest item by start, preferring one that spans the pointer; within 6 px counts as a hit.
    const around = lowerBound(lane.starts, t);
    let best: number | undefined;
    let bestDistance = 6 * msPerPx;
    for (let i = Math.max(0, around - 50); i < Math.min(lane.starts.length, around + 2); i++) {
      const s = lane.starts[i] as number;
      const e = lane.ends[i] as number;
      const distance = t >= s && t <= e ? 0 : Math.min(Math.abs(t - s), Math.abs(t - e));
      if (distance <= bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best === undefined ? undefined : { lane: lane.id, index: best };
  };

  return (
    <canvas
      ref={canvasRef}
      aria-label="Session timeline: scroll to zoom, shift-scroll or drag to pan, click an item to inspect it"
      data-testid="timeline-canvas"
      data-highlighted={highlighted.size}
      data-selected={selection ? `${selection.lane}:${selection.index}` : ""}
      className="block w-full cursor-crosshair select-none"
      style={{ height: lanes.length * LANE_HEIGHT }}
      onPointerDown={(event) => {
        drag.current = { x: event.clientX, view: viewport };
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        const canvas = canvasRef.current;
        if (!start || !canvas || Math.abs(event.clientX - start.x) < 3) return;
        const plotWidth = Math.max(1, canvas.clientWidth - LABEL_WIDTH);
        const delta = ((start.x - event.clientX) / plotWidth) * (start.view.to - start.view.from);
        onViewportChange(panViewport(start.view, delta, bounds));
      }}
      onPointerUp={(event) => {
        const start = drag.current;
        drag.current = undefined;
        if (start && Math.abs(event.clientX - start.x) >= 3) return;
        const hit = hitTest(event.clientX, event.clientY);
        if (hit) onSelect(hit);
      }}
    />
  );
}
