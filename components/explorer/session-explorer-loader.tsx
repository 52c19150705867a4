"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { fetchApi } from "@/lib/api/fetch-api";
import type { LaneId, Viewport } from "@/lib/explorer/timeline-lanes";
import { openingView } from "@/lib/explorer/timeline-tiles";
import { type TimelineManifest, timelineItemRefSchema } from "@/schemas/timeline";
import { SessionExplorer, type StageSpan } from "./session-explorer";
import { useTimelineLanes } from "./use-timeline-lanes";

declare global {
  interface Window {
    /** Paint times of the timeline canvas and the time of its first paint, read by the explorer benchmark. */
    __tracepipeFrames?: number[];
    __tracepipeFirstPaint?: number;
    /** When every lane first had its visible range loaded, read by the explorer benchmark. */
    __tracepipeLanesReady?: number;
  }
}

/** The canvas's plot width in CSS pixels, near enough to pick a zoom level (the label column and inspector aside). */
function usePlotPixels() {
  const [pixels, setPixels] = useState(1200);
  useEffect(() => {
    const measure = () => setPixels(Math.max(320, Math.min(window.innerWidth, 2560) - 110));
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return pixels;
}

export function SessionExplorerLoader({
  sessionId,
  stages,
  focus,
  keyboard,
  initialManifest,
  placeholder,
}: {
  sessionId: string;
  stages: StageSpan[];
  focus?: { lane: LaneId; id: string };
  keyboard?: boolean;
  /** The index manifest when the page read it already, saving a round trip before the first paint. */
  initialManifest?: TimelineManifest;
  /** Shown until the first tiles have loaded: the server's picture of the opening view (timeline-overview-picture). */
  placeholder?: ReactNode;
}) {
  const [view, setView] = useState<Viewport>();
  const plotPixels = usePlotPixels();
  const { manifest, lanes, painted, ready, error } = useTimelineLanes(
    sessionId,
    view,
    plotPixels,
    initialManifest,
  );
  const bounds = useMemo(() => (manifest ? openingView(manifest) : undefined), [manifest]);
  useEffect(() => {
    if (ready) window.__tracepipeLanesReady ??= performance.now();
  }, [ready]);
  const findItems = useCallback(
    async (ids: string[]) =>
      z
        .object({ data: z.array(timelineItemRefSchema) })
        .parse(
          await fetchApi<unknown>(
            `/v1/sessions/${sessionId}/timeline/items?ids=${encodeURIComponent(ids.join(","))}`,
          ),
        ).data,
    [sessionId],
  );
  const loadDetail = useCallback(
    (lane: LaneId, id: string) =>
      fetchApi<unknown>(`/v1/sessions/${sessionId}/timeline/${lane}/${encodeURIComponent(id)}`),
    [sessionId],
  );
  const onFrame = useCallback((ms: number) => {
    // Unless the server's picture of the same bins was on screen first (it marks its own paint).
    window.__tracepipeFirstPaint ??= performance.now();
    window.__tracepipeFrames ??= [];
    window.__tracepipeFrames.push(ms);
  }, []);
  if (error) return <p className="text-sm text-danger">The explorer could not load this session: {error}</p>;
  if (!painted) {
    if (placeholder) return placeholder;
    return (
      <div className="h-48 animate-pulse rounded-lg bg-muted" role="status" aria-label="Loading timeline" />
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {!ready && (
        <p className="text-xs text-muted-foreground" role="status">
          Loading the visible range…
        </p>
      )}
      <SessionExplorer
        sessionId={sessionId}
        lanes={lanes}
        stages={stages}
        loadDetail={loadDetail}
        onFrame={onFrame}
        focus={focus}
        keyboard={keyboard}
        bounds={bounds}
        onViewportChange={setView}
        findItems={findItems}
      />
    </div>
  );
}
