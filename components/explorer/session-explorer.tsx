"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type LaneColumns,
  type LaneId,
  linkedIds,
  searchLanes,
  type Viewport,
} from "@/lib/explorer/timeline-lanes";
import { ExplorerInspector, type InspectedItem } from "./explorer-inspector";
import { TimelineCanvas, type TimelineSelection } from "./timeline-canvas";
import { useExplorerKeyboard } from "./use-explorer-keyboard";

export interface StageSpan {
  stage: string;
  ms: number;
  count?: number;
  error?: string;
}

interface SessionExplorerProps {
  lanes: LaneColumns[];
  stages: StageSpan[];
  /** Full JSON of one item, fetched on selection (lanes only carry what the timeline draws). */
  loadDetail?: (lane: LaneId, id: string) => Promise<unknown>;
  onFrame?: (ms: number) => void;
  /** An item to select and zoom to once its lane has loaded (the review queue's evidence), instead of a #item link. */
  focus?: { lane: LaneId; id: string };
  /** Whether j/k and the arrows drive the timeline; off where the page owns those keys (the review queue). */
  keyboard?: boolean;
  /** The session's span when the lanes hold only the loaded range (the per-zoom index), instead of the lanes' own. */
  bounds?: Viewport;
  /** Told the view after every zoom and pan, so the loader can fetch that range at that zoom. */
  onViewportChange?: (viewport: Viewport) => void;
}

function selectionOf(
  lanes: LaneColumns[],
  item: { lane: LaneId; id: string },
): TimelineSelection | undefined {
  const lane = lanes.find((l) => l.id === item.lane);
  const index = lane?.ids.indexOf(item.id) ?? -1;
  return lane && index >= 0 ? { lane: lane.id, index } : undefined;
}

function selectionFromHash(lanes: LaneColumns[]): TimelineSelection | undefined {
  const match = typeof window === "undefined" ? null : window.location.hash.match(/^#item=([a-zA-Z]+):(.+)$/);
  if (!match) return undefined;
  const lane = lanes.find((l) => l.id === match[1]);
  const index = lane?.ids.indexOf(decodeURIComponent(match[2] as string)) ?? -1;
  return lane && index >= 0 ? { lane: lane.id, index } : undefined;
}

export function SessionExplorer({
  lanes: allLanes,
  stages,
  loadDetail,
  onFrame,
  focus,
  keyboard = true,
  bounds: givenBounds,
  onViewportChange,
}: SessionExplorerProps) {
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set());
  const lanes = useMemo(() => filterEventTypes(allLanes, hiddenTypes), [allLanes, hiddenTypes]);
  const lanesBounds = useMemo(() => sessionBounds(allLanes), [allLanes]);
  const bounds = givenBounds ?? lanesBounds;
  const [viewport, setViewportState] = useState<Viewport>(bounds);
  useEffect(() => onViewportChange?.(viewport), [viewport, onViewportChange]);
  // Lanes stream in chunk by chunk and the bounds grow with them: follow them until the person zooms or pans.
  const hasMoved = useRef(false);
  useEffect(() => {
    if (!hasMoved.current) setViewportState(bounds);
  }, [bounds]);
  const setViewport = useCallback((next: Viewport) => {
    hasMoved.current = true;
    setViewportState(next);
  }, []);
  const latestSelection = useRef<string | undefined>(undefined);
  const [selection, setSelection] = useState<TimelineSelection | undefined>();
  const [detail, setDetail] = useState<unknown>();
  const [query, setQuery] = useState("");
  const [matchIndex, setMatchIndex] = useState(0);
  const matches = useMemo(() => searchLanes(lanes, query), [lanes, query]);

  const selectedLane = selection ? lanes.find((l) => l.id === selection.lane) : undefined;
  const highlighted = useMemo(
    () => (selectedLane && selection ? linkedIds(lanes, selectedLane, selection.index) : new Set<string>()),
    [lanes, selectedLane, selection],
  );

  const select = useCallback(
    (next: TimelineSelection | undefined, updateHash = true) => {
      setSelection(next);
      setDetail(undefined);
      const lane = next && lanes.find((l) => l.id === next.lane);
      const id = lane && next ? lane.ids[next.index] : undefined;
      if (updateHash && !focus)
        window.history.replaceState(
          null,
          "",
          id && next ? `#item=${next.lane}:${encodeURIComponent(id)}` : "#",
        );
      // A slow answer for an earlier selection must not replace the detail of the current one.
      const key = id && next ? `${next.lane}:${id}` : undefined;
      latestSelection.current = key;
      if (id && next && loadDetail) {
        loadDetail(next.lane, id).then(
          (value) => latestSelection.current === key && setDetail(value),
          () => latestSelection.current === key && setDetail(undefined),
        );
      }
    },
    [lanes, loadDetail, focus],
  );

  // A deep link (#item=lane:id), or the focus a page asks for, selects its item once its lane has streamed in.
  const hashApplied = useRef(false);
  useEffect(() => {
    if (hashApplied.current) return;
    const fromHash = focus ? selectionOf(lanes, focus) : selectionFromHash(lanes);
    if (fromHash) {
      hashApplied.current = true;
      select(fromHash, !focus);
      const lane = lanes.find((l) => l.id === fromHash.lane);
      if (focus && lane) {
        // Zoom to the item's span with its source events on either side.
        const start = lane.starts[fromHash.index] as number;
        const end = lane.ends[fromHash.index] as number;
        const pad = Math.max(500, (end - start) * 0.5);
        hasMoved.current = true;
        setViewportState({ from: start - pad, to: end + pad });
      }
    }
  }, [lanes, select, focus]);

  const centerOn = useCallback(
    (lane: LaneColumns, index: number, zoom = false) => {
      const start = lane.starts[index] as number;
      const end = lane.ends[index] as number;
      const span = zoom ? Math.max(50, (end - start) * 4) : viewport.to - viewport.from;
      const from = Math.max(bounds.from, Math.min((start + end) / 2 - span / 2, bounds.to - span));
      setViewport({ from, to: from + span });
    },
    [viewport, bounds, setViewport],
  );

  const step = useCallback(
    (delta: number) => {
      const lane = selectedLane ?? lanes.find((l) => l.starts.length > 0);
      if (!lane || lane.starts.length === 0) return;
      const index = selection ? Math.max(0, Math.min(lane.starts.length - 1, selection.index + delta)) : 0;
      select({ lane: lane.id, index });
      const start = lane.starts[index] as number;
      if (start < viewport.from || start > viewport.to) centerOn(lane, index);
    },
    [selectedLane, lanes, selection, select, viewport, centerOn],
  );

  const changeLane = useCallback(
    (delta: number) => {
      const current = selectedLane ? lanes.indexOf(selectedLane) : -1;
      const lane = lanes[Math.max(0, Math.min(lanes.length - 1, current + delta))];
      if (!lane || lane.starts.length === 0) return;
      const t = selection && selectedLane ? (selectedLane.starts[selection.index] as number) : viewport.from;
      let index = 0;
      while (index < lane.starts.length - 1 && (lane.starts[index + 1] as number) <= t) index++;
      select({ lane: lane.id, index });
    },
    [lanes, selectedLane, selection, select, viewport],
  );

  const keyHandlers = useMemo(
    () => ({
      next: () => step(1),
      previous: () => step(-1),
      laneUp: () => changeLane(-1),
      laneDown: () => changeLane(1),
      focusSelection: () => selectedLane && selection && centerOn(selectedLane, selection.index, true),
      clear: () => select(undefined),
    }),
    [step, changeLane, selectedLane, selection, centerOn, select],
  );
  useExplorerKeyboard(keyHandlers, keyboard);

  const jumpToMatch = (offset: number) => {
    if (matches.length === 0) return;
    const next = (matchIndex + offset + matches.length) % matches.length;
    setMatchIndex(next);
    const match = matches[next];
    const lane = match && lanes.find((l) => l.id === match.lane);
    if (match && lane) {
      select(match);
      centerOn(lane, match.index);
    }
  };

  const inspected: InspectedItem | undefined =
    selectedLane && selection
      ? {
          lane: selectedLane.label,
          id: selectedLane.ids[selection.index] as string,
          label: selectedLane.labels[selection.index] as string,
          start: selectedLane.starts[selection.index] as number,
          end: selectedLane.ends[selection.index] as number,
          links: selectedLane.links?.[selection.index] ?? [],
          needsReview: selectedLane.flagged ? selectedLane.flagged[selection.index] === 1 : undefined,
          confidence: confidenceOf(detail),
          detail,
        }
      : undefined;

  const eventLane = allLanes.find((l) => l.id === "events");
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3 text-sm" role="toolbar" aria-label="Explorer tools">
        <label className="flex items-center gap-2">
          <span className="sr-only">Search the timeline</span>
          <input
            type="search"
            value={query}
            placeholder="Search events, actions, tools…"
            className="w-64 rounded-md border border-input bg-card px-2 py-1"
            onChange={(event) => {
              setQuery(event.target.value);
              setMatchIndex(-1);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") jumpToMatch(event.shiftKey ? -1 : 1);
            }}
          />
        </label>
        <span className="text-muted-foreground" aria-live="polite">
          {query ? `${matches.length.toLocaleString()} matches` : ""}
        </span>
        {eventLane?.categoryNames.map((type) => (
          <label key={type} className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={!hiddenTypes.has(type)}
              onChange={() => {
                const next = new Set(hiddenTypes);
                if (next.has(type)) next.delete(type);
                else next.add(type);
                setHiddenTypes(next);
              }}
            />
            {type}
          </label>
        ))}
        <button
          type="button"
          className="ml-auto text-xs underline"
          onClick={() => {
            hasMoved.current = false;
            setViewportState(bounds);
          }}
        >
          Reset zoom
        </button>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="overflow-hidden rounded-lg border">
          <TimelineCanvas
            lanes={lanes}
            bounds={bounds}
            viewport={viewport}
            onViewportChange={setViewport}
            selection={selection}
            highlighted={highlighted}
            onSelect={select}
            onFrame={onFrame}
          />
          <StageSpans stages={stages} />
        </div>
        <div className="rounded-lg border">
          <ExplorerInspector item={inspected} />
        </div>
      </div>
    </div>
  );
}

function StageSpans({ stages }: { stages: StageSpan[] }) {
  const total = stages.reduce((sum, s) => sum + s.ms, 0) || 1;
  if (stages.length === 0) return null;
  return (
    <section aria-label="Pipeline run" className="border-t p-3 text-xs">
      <p className="mb-2 font-medium">Pipeline run</p>
      <div className="flex h-6 w-full overflow-hidden rounded">
        {stages.map((s, i) => (
          <div
            key={s.stage}
            title={`${s.stage}: ${Math.round(s.ms)} ms${s.count !== undefined ? `, ${s.count} items` : ""}${s.error ? `, ${s.error}` : ""}`}
            className={
              s.error
                ? "bg-red-500"
                : ["bg-indigo-400", "bg-sky-400", "bg-emerald-400", "bg-amber-400"][i % 4]
            }
            style={{ width: `${Math.max(2, (s.ms / total) * 100)}%` }}
          />
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground">
        {stages.map((s) => (
          <li key={s.stage}>
            {s.stage}: {Math.round(s.ms)} ms{s.count !== undefined ? ` · ${s.count.toLocaleString()}` : ""}
            {s.error ? ` · ${s.error}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

function confidenceOf(detail: unknown): number | undefined {
  if (
    detail &&
    typeof detail === "object" &&
    "confidence" in detail &&
    typeof detail.confidence === "number"
  ) {
    return detail.confidence;
  }
  return undefined;
}

/**
 * The time span the timeline opens on: the raw events' span (they define the session), with a little padding.
 * Derived lanes can reach outside it (a window opened before the first recorded event) and are clipped.
 */
function sessionBounds(lanes: LaneColumns[]): Viewport {
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
function filterEventTypes(lanes: LaneColumns[], hidden: ReadonlySet<string>): LaneColumns[] {
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
