"use client";

import { useCallback } from "react";
import { fetchApi } from "@/lib/api/fetch-api";
import type { LaneId } from "@/lib/explorer/timeline-lanes";
import { SessionExplorer, type StageSpan } from "./session-explorer";
import { useTimelineLanes } from "./use-timeline-lanes";

declare global {
  interface Window {
    /** Paint times of the timeline canvas and the time of its first paint, read by the explorer benchmark. */
    __tracepipeFrames?: number[];
    __tracepipeFirstPaint?: number;
  }
}

export function SessionExplorerLoader({
  sessionId,
  stages,
  focus,
  keyboard,
}: {
  sessionId: string;
  stages: StageSpan[];
  focus?: { lane: LaneId; id: string };
  keyboard?: boolean;
}) {
  const { lanes, loading, error } = useTimelineLanes(sessionId, true);
  const loadDetail = useCallback(
    (lane: LaneId, id: string) =>
      fetchApi<unknown>(`/v1/sessions/${sessionId}/timeline/${lane}/${encodeURIComponent(id)}`),
    [sessionId],
  );
  const onFrame = useCallback((ms: number) => {
    window.__tracepipeFirstPaint ??= performance.now();
    window.__tracepipeFrames ??= [];
    window.__tracepipeFrames.push(ms);
  }, []);
  if (error) return <p className="text-sm text-danger">The explorer could not load this session: {error}</p>;
  if (lanes.length === 0) {
    return (
      <div className="h-48 animate-pulse rounded-lg bg-muted" role="status" aria-label="Loading timeline" />
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {loading && (
        <p className="text-xs text-muted-foreground">
          Loading… {lanes.find((l) => l.id === "events")?.starts.length.toLocaleString()} events so far
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
      />
    </div>
  );
}
