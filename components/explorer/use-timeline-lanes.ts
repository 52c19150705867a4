"use client";

import { useEffect, useState } from "react";
import { LaneBuilder } from "@/lib/explorer/lane-builder";
import type { TimelineChunk } from "@/lib/explorer/timeline-chunks";
import type { LaneColumns, LaneId } from "@/lib/explorer/timeline-lanes";
import { readJsonlLines } from "@/lib/pipeline/jsonl";

const LANE_ORDER: LaneId[] = ["toolCalls", "actions", "windows", "interactions", "events"];

async function streamLane(
  sessionId: string,
  lane: LaneId,
  signal: AbortSignal,
  onChunk: (c: TimelineChunk) => void,
) {
  const response = await fetch(`/v1/sessions/${sessionId}/timeline/columns?lane=${lane}`, { signal });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `Could not load the ${lane} lane (${response.status})`);
  }
  for await (const { text } of readJsonlLines(response.body)) onChunk(JSON.parse(text) as TimelineChunk);
}

/**
 * Streams every lane of a processed session, publishing a snapshot after each chunk so the timeline paints as
 * soon as the first chunk arrives and fills in while the rest loads.
 */
export function useTimelineLanes(sessionId: string, enabled: boolean) {
  const [lanes, setLanes] = useState<LaneColumns[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const builders = LANE_ORDER.map((id) => new LaneBuilder(id));
    const publish = () => setLanes(builders.map((b) => b.snapshot()));
    setLoading(true);
    Promise.all(
      builders.map((builder) =>
        streamLane(sessionId, builder.id, controller.signal, (chunk) => {
          builder.append(chunk);
          publish();
        }),
      ),
    )
      .then(() => {
        publish();
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [sessionId, enabled]);

  return { lanes, loading, error };
}
