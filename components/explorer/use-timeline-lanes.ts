"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef } from "react";
import { composeLane, type WantedTile } from "@/lib/explorer/compose-lane";
import type { LaneColumns, LaneId, Viewport } from "@/lib/explorer/timeline-lanes";
import {
  ancestorTile,
  levelForView,
  openingView,
  type TimelineTile,
  tileRange,
  tilesInView,
} from "@/lib/explorer/timeline-tiles";
import { type TimelineManifest, timelineManifestSchema, timelineTileSchema } from "@/schemas/timeline";

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `Could not load the timeline (${response.status})`);
  }
  return response.json();
}

interface TileRequest {
  lane: LaneId;
  level: number;
  tile: number;
}

const tileKey = (r: TileRequest) => `${r.lane}/${r.level}/${r.tile}`;

/**
 * The lanes of a processed session for the current view, from the session's per-zoom index: the manifest, each
 * lane's overview tile (painted first), then the tiles of the visible range at the zoom level whose bins are
 * about a pixel wide. Tiles are TanStack queries keyed by lane, level and tile, so panning back is free and a view
 * left behind cancels its unfinished requests; the browser holds the visible tiles, never a whole large lane.
 */
export function useTimelineLanes(
  sessionId: string,
  view: Viewport | undefined,
  plotPixels: number,
  initialManifest?: TimelineManifest,
) {
  const manifestQuery = useQuery({
    queryKey: ["timeline-manifest", sessionId],
    queryFn: async ({ signal }) =>
      timelineManifestSchema.parse(await getJson(`/v1/sessions/${sessionId}/timeline/summary`, signal)),
    initialData: initialManifest,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const manifest = manifestQuery.data;
  // Leaves learnt from answers: a tile below a raw-items leaf is never asked for, its leaf answers for it.
  const leaves = useRef(new Set<string>());

  const plan = useMemo(() => {
    if (!manifest) return [];
    const current = view ?? openingView(manifest);
    const level = levelForView(manifest.bounds, current, plotPixels);
    return manifest.lanes.map((lane) => {
      const visible = tilesInView(manifest.bounds, level, current).map((tile) => {
        let request: TileRequest = { lane: lane.id, level, tile };
        for (let up = level - 1; up >= 0; up--) {
          const ancestor = { lane: lane.id, level: up, tile: ancestorTile(level, tile, up) };
          if (leaves.current.has(tileKey(ancestor))) request = ancestor;
        }
        return { request, range: tileRange(manifest.bounds, level, tile) };
      });
      return { lane, overview: { lane: lane.id, level: 0, tile: 0 }, visible };
    });
  }, [manifest, view, plotPixels]);

  const requests = useMemo(() => {
    const unique = new Map<string, TileRequest>();
    for (const lane of plan) {
      unique.set(tileKey(lane.overview), lane.overview);
      for (const { request } of lane.visible) unique.set(tileKey(request), request);
    }
    return [...unique.values()];
  }, [plan]);

  // A stable combine: TanStack re-runs it only when a tile's result changes, so the lanes are recomposed only then.
  const combine = useCallback(
    (results: { data?: TimelineTile; error: Error | null; isPending: boolean }[]) => ({
      byKey: new Map(requests.map((r, i) => [tileKey(r), results[i]?.data])),
      error: results.find((r) => r.error)?.error,
      pending: results.some((r) => r.isPending),
    }),
    [requests],
  );
  const tiles = useQueries({
    queries: requests.map((request) => ({
      queryKey: ["timeline-tile", sessionId, manifest?.version, request.lane, request.level, request.tile],
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<TimelineTile> => {
        const params = new URLSearchParams({
          v: manifest?.version ?? "",
          lane: request.lane,
          level: String(request.level),
          tile: String(request.tile),
        });
        const tile = timelineTileSchema.parse(
          await getJson(`/v1/sessions/${sessionId}/timeline/tiles?${params}`, signal),
        );
        if (tile.kind === "items") leaves.current.add(tileKey(tile));
        return tile;
      },
      enabled: Boolean(manifest),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 60_000,
    })),
    combine,
  });

  const lanes: LaneColumns[] = useMemo(() => {
    if (!manifest) return [];
    return plan.map(({ lane, overview, visible }) => {
      const wanted: WantedTile[] = visible.map(({ request, range }) => ({
        range,
        data: tiles.byKey.get(tileKey(request)),
      }));
      return composeLane(lane, manifest, wanted, tiles.byKey.get(tileKey(overview)));
    });
  }, [manifest, plan, tiles.byKey]);

  const overviewLoaded = plan.filter((p) => tiles.byKey.get(tileKey(p.overview))).length;
  const error = manifestQuery.error ?? tiles.error;
  return {
    manifest,
    lanes,
    /** Some lane has data to draw. */
    painted: overviewLoaded > 0,
    /** Every lane has its visible range loaded at the view's zoom. */
    ready: Boolean(manifest) && !tiles.pending,
    error: error ? (error instanceof Error ? error.message : String(error)) : undefined,
  };
}
