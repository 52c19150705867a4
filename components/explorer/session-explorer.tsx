"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { findItem } from "@/lib/explorer/explorer-tree";
import { filterEventTypes, sessionBounds } from "@/lib/explorer/lane-views";
import {
  type LaneColumns,
  type LaneId,
  linkedIds,
  searchLanes,
  type Viewport,
  zoomViewport,
} from "@/lib/explorer/timeline-lanes";
import type { TimelineItemRef } from "@/schemas/timeline";
import { ExplorerInspector } from "./explorer-inspector";
import { ExplorerShortcutsDialog } from "./explorer-shortcuts-dialog";
import { ExplorerToolbar, type ExplorerView } from "./explorer-toolbar";
import { ExplorerTreeList } from "./explorer-tree-list";
import { buildInspectedItem } from "./inspected-item";
import { PipelineRunStrip, type StageSpan } from "./pipeline-run-strip";
import { TimelineCanvas, type TimelineSelection } from "./timeline-canvas";
import { explorerKeyAction, useExplorerKeyboard } from "./use-explorer-keyboard";
import { useSessionReviewItems } from "./use-session-review-items";

export type { StageSpan };

// Search highlights while typing; a short pause first keeps a 1M-event scan off every keystroke.
const SEARCH_DEBOUNCE_MS = 150;

interface SessionExplorerProps {
  /** Looks up the session's review items, so the inspector can say an action's review state. */
  sessionId?: string;
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
  /** Where items not loaded are (the index's find-by-id), so a chip or a link can zoom to one and select it. */
  findItems?: (ids: string[]) => Promise<TimelineItemRef[]>;
}

/** The selected item by id: the lanes hold only the loaded range, and an index into them moves as tiles load. */
interface SelectedItem {
  lane: LaneId;
  id: string;
}

function selectionOf(
  lanes: LaneColumns[],
  item: { lane: string; id: string },
): TimelineSelection | undefined {
  const lane = lanes.find((l) => l.id === item.lane);
  const index = lane?.ids.indexOf(item.id) ?? -1;
  return lane && index >= 0 ? { lane: lane.id, index } : undefined;
}

function itemFromHash(): { lane: string; id: string } | undefined {
  const match = typeof window === "undefined" ? null : window.location.hash.match(/^#item=([a-zA-Z]+):(.+)$/);
  return match ? { lane: match[1] as string, id: decodeURIComponent(match[2] as string) } : undefined;
}

export function SessionExplorer({
  sessionId,
  lanes: allLanes,
  stages,
  loadDetail,
  onFrame,
  focus,
  keyboard = true,
  bounds: givenBounds,
  onViewportChange,
  findItems,
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
  const [selected, setSelected] = useState<SelectedItem | undefined>();
  // Where the selected item is in the loaded columns; undefined while it is outside them (its tiles not loaded).
  const selection = useMemo(() => (selected ? selectionOf(lanes, selected) : undefined), [lanes, selected]);
  const [detail, setDetail] = useState<unknown>();
  const [detailFailed, setDetailFailed] = useState(false);
  const [query, setQuery] = useState("");
  const [searchedQuery, setSearchedQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearchedQuery(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const [matchIndex, setMatchIndex] = useState(0);
  const matches = useMemo(() => searchLanes(lanes, searchedQuery), [lanes, searchedQuery]);
  const matchedIds = useMemo(
    () => new Set(matches.map((m) => lanes.find((l) => l.id === m.lane)?.ids[m.index] as string)),
    [matches, lanes],
  );
  const [view, setView] = useState<ExplorerView>("timeline");
  const [isShortcutsOpen, setIsShortcutsOpen] = useState(false);
  const inspectorRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const reviewByAction = useSessionReviewItems(sessionId);

  const selectedLane = selection ? lanes.find((l) => l.id === selection.lane) : undefined;
  const highlighted = useMemo(
    () => (selectedLane && selection ? linkedIds(lanes, selectedLane, selection.index) : new Set<string>()),
    [lanes, selectedLane, selection],
  );

  const selectItem = useCallback(
    (next: SelectedItem | undefined, updateHash = true) => {
      setSelected(next);
      setDetail(undefined);
      setDetailFailed(false);
      if (updateHash && !focus)
        window.history.replaceState(
          null,
          "",
          next ? `#item=${next.lane}:${encodeURIComponent(next.id)}` : "#",
        );
      // A slow answer for an earlier selection must not replace the detail of the current one.
      const key = next ? `${next.lane}:${next.id}` : undefined;
      latestSelection.current = key;
      if (next && loadDetail) {
        loadDetail(next.lane, next.id).then(
          (value) => latestSelection.current === key && setDetail(value),
          () => latestSelection.current === key && setDetailFailed(true),
        );
      }
    },
    [loadDetail, focus],
  );
  /** Selects an item of the loaded columns (a click, a key, a search match), remembered by its id. */
  const select = useCallback(
    (next: TimelineSelection | undefined, updateHash = true) => {
      const id = next && lanes.find((l) => l.id === next.lane)?.ids[next.index];
      selectItem(next && id !== undefined ? { lane: next.lane, id } : undefined, updateHash);
    },
    [lanes, selectItem],
  );

  /** Zooms to an item's span with its source events on either side; its tiles load for that view. */
  const zoomToSpan = useCallback((start: number, end: number) => {
    const pad = Math.max(500, (end - start) * 0.5);
    hasMoved.current = true;
    setViewportState({ from: start - pad, to: end + pad });
  }, []);

  /** Finds an item the lanes have not loaded in the index, zooms to it and selects it (it shows once loaded). */
  const findAndOpen = useCallback(
    (id: string, updateHash = true) => {
      findItems?.([id]).then(
        ([found]) => {
          if (!found) return;
          selectItem({ lane: found.lane, id: found.id }, updateHash);
          zoomToSpan(found.start, found.end);
        },
        () => undefined,
      );
    },
    [findItems, selectItem, zoomToSpan],
  );

  // A deep link (#item=lane:id), or the focus a page asks for, selects its item: from the loaded lanes when it is
  // there, else found in the index (a large lane loads only the visible range) and zoomed to.
  const hashApplied = useRef(false);
  useEffect(() => {
    if (hashApplied.current) return;
    const wanted = focus ?? itemFromHash();
    if (!wanted) return;
    const found = selectionOf(lanes, wanted);
    if (found) {
      hashApplied.current = true;
      select(found, !focus);
      const lane = lanes.find((l) => l.id === found.lane);
      if (focus && lane) zoomToSpan(lane.starts[found.index] as number, lane.ends[found.index] as number);
    } else if (findItems) {
      hashApplied.current = true;
      findAndOpen(wanted.id, !focus);
    }
  }, [lanes, select, focus, findItems, findAndOpen, zoomToSpan]);

  const centerOn = useCallback(
    (lane: LaneColumns, index: number, zoom = false) => {
      const start = lane.starts[index] as number;
      const end = lane.ends[index] as number;
      const current = viewport.to - viewport.from;
      // Zooming in never zooms out: a close view stays close, a whole-session view comes down to a few seconds.
      const span = zoom ? Math.min(current, Math.max(2000, (end - start) * 4)) : current;
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

  const zoomBy = useCallback(
    (factor: number) => {
      const start = selectedLane && selection ? (selectedLane.starts[selection.index] as number) : undefined;
      const anchor =
        start !== undefined && start >= viewport.from && start <= viewport.to
          ? start
          : (viewport.from + viewport.to) / 2;
      setViewport(zoomViewport(viewport, anchor, factor, bounds));
    },
    [selectedLane, selection, viewport, bounds, setViewport],
  );

  const resetZoom = useCallback(() => {
    hasMoved.current = false;
    setViewportState(bounds);
  }, [bounds]);

  /** Selects an item named by id (a provenance chip) and brings it into view, found in the index if not loaded. */
  const openItem = useCallback(
    (id: string) => {
      const ref = findItem(lanes, id);
      const lane = ref && lanes.find((l) => l.id === ref.lane);
      if (!ref || !lane) return findAndOpen(id);
      select(ref);
      centerOn(lane, ref.index, true);
    },
    [lanes, select, centerOn, findAndOpen],
  );

  const keyHandlers = useMemo(
    () => ({
      next: () => step(1),
      previous: () => step(-1),
      laneUp: () => changeLane(-1),
      laneDown: () => changeLane(1),
      zoomIn: () => zoomBy(0.5),
      zoomOut: () => zoomBy(2),
      resetZoom,
      openInInspector: () => {
        if (!selectedLane || !selection) return step(0);
        centerOn(selectedLane, selection.index, true);
        inspectorRef.current?.focus();
      },
      clear: () => select(undefined),
      showShortcuts: () => setIsShortcutsOpen(true),
      focusSearch: () => searchRef.current?.focus(),
    }),
    [step, changeLane, zoomBy, resetZoom, selectedLane, selection, centerOn, select],
  );
  useExplorerKeyboard(keyHandlers, keyboard);

  const jumpToMatch = (offset: number) => {
    if (matches.length === 0) return;
    const next = (Math.max(-1, matchIndex) + offset + matches.length) % matches.length;
    setMatchIndex(next);
    const match = matches[next];
    const lane = match && lanes.find((l) => l.id === match.lane);
    if (match && lane) {
      select(match);
      centerOn(lane, match.index);
    }
  };

  const inspected = selection
    ? buildInspectedItem({
        lanes,
        selection,
        detail,
        detailStatus:
          detail !== undefined ? "ready" : loadDetail && !detailFailed ? "loading" : "unavailable",
        reviewByAction,
      })
    : undefined;

  const eventLane = allLanes.find((l) => l.id === "events");
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <ExplorerToolbar
        query={query}
        onQueryChange={(next) => {
          setQuery(next);
          setMatchIndex(-1);
        }}
        onJump={jumpToMatch}
        matchCount={matches.length}
        isSearching={Boolean(searchedQuery.trim())}
        searchRef={searchRef}
        eventTypes={eventLane?.categoryNames ?? []}
        hiddenTypes={hiddenTypes}
        onToggleType={(type) => {
          const next = new Set(hiddenTypes);
          if (next.has(type)) next.delete(type);
          else next.add(type);
          setHiddenTypes(next);
        }}
        view={view}
        onViewChange={setView}
        onResetZoom={resetZoom}
        onShowShortcuts={() => setIsShortcutsOpen(true)}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 overflow-hidden rounded-lg border">
          {view === "timeline" ? (
            <TimelineCanvas
              lanes={lanes}
              bounds={bounds}
              viewport={viewport}
              onViewportChange={setViewport}
              selection={selection}
              highlighted={highlighted}
              matched={matchedIds}
              onSelect={select}
              onFrame={onFrame}
              onKey={(event) => {
                const run = explorerKeyAction(event, keyHandlers);
                run?.();
                return Boolean(run);
              }}
            />
          ) : (
            <ExplorerTreeList lanes={lanes} selection={selection} onSelect={select} />
          )}
          <PipelineRunStrip stages={stages} />
        </div>
        <div className="min-w-0 rounded-lg border">
          <ExplorerInspector
            ref={inspectorRef}
            item={inspected}
            onOpenItem={openItem}
            canFindUnloaded={Boolean(findItems)}
          />
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {inspected ? `Selected ${inspected.lane}: ${inspected.label}` : ""}
      </p>
      <ExplorerShortcutsDialog open={isShortcutsOpen} onOpenChange={setIsShortcutsOpen} />
    </div>
  );
}
