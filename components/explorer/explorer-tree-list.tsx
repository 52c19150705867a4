"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { ancestorKeys, flattenTree, itemKey, listKeyMove } from "@/lib/explorer/explorer-tree";
import type { LaneColumns, LaneId } from "@/lib/explorer/timeline-lanes";
import { formatMs } from "./explorer-inspector";
import type { TimelineSelection } from "./timeline-canvas";

const ROW_HEIGHT = 32;

const KIND: Record<LaneId, string> = {
  toolCalls: "Tool call",
  actions: "Action",
  windows: "Window",
  interactions: "Interaction",
  events: "Event",
};

/**
 * The timeline as a reading list: tool call → action → interactions → events, expandable, virtualised so a
 * 1M-event session scrolls as smoothly as a small one. Shares the selection with the timeline both ways.
 * One row is in the tab order (roving focus, as in a tree view): ↑ ↓ Home End move between rows, → opens a row or
 * steps into it, ← closes it or steps out to its parent, Enter selects; the page's own keys wait while the list has
 * focus. A moved focus may land on a row the virtualiser has not rendered yet, so it is focused after the render.
 */
export function ExplorerTreeList({
  lanes,
  selection,
  onSelect,
}: {
  lanes: LaneColumns[];
  selection?: TimelineSelection;
  onSelect: (selection: TimelineSelection) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => flattenTree(lanes, expanded), [lanes, expanded]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedKey = selection ? itemKey(lanes, selection) : undefined;
  const [focusKey, setFocusKey] = useState<string>();
  const pendingFocus = useRef(false);
  const tabbableKey = rows.some((row) => row.key === focusKey)
    ? focusKey
    : rows.some((row) => row.key === selectedKey)
      ? selectedKey
      : rows[0]?.key;

  // A selection made on the timeline opens its chain here and scrolls to it; only when the selection changes, so
  // a row holding the selection can still be closed.
  useEffect(() => {
    if (!selection) return;
    setExpanded((open) => {
      const missing = ancestorKeys(lanes, selection).filter((key) => !open.has(key));
      return missing.length > 0 ? new Set([...open, ...missing]) : open;
    });
  }, [selection, lanes]);
  const selectedRow = rows.findIndex((row) => row.key === selectedKey);
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: "auto" });
  }, [selectedRow, virtualizer]);

  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };

  useEffect(() => {
    if (!pendingFocus.current || !tabbableKey) return;
    const index = rows.findIndex((row) => row.key === tabbableKey);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      const row = scrollRef.current?.querySelector(`[data-item-key="${CSS.escape(tabbableKey)}"]`);
      const button = row?.querySelector<HTMLButtonElement>("[data-row-select]");
      if (!button) return;
      pendingFocus.current = false;
      button.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [tabbableKey, rows, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const from = rows.findIndex((row) => row.key === tabbableKey);
    const move = listKeyMove(rows, from, event.key);
    if (!move) return;
    event.preventDefault();
    if (move.toggle) toggle(move.toggle);
    const target = rows[move.to];
    if (target) {
      pendingFocus.current = true;
      setFocusKey(target.key);
    }
  };

  if (rows.length === 0) {
    return (
      <p className="p-4 text-sm text-muted-foreground">
        No tool calls or actions were found in this session. The timeline shows its events.
      </p>
    );
  }
  return (
    <div ref={scrollRef} className="h-[26rem] overflow-auto" data-testid="explorer-list">
      <p id="explorer-list-keys" className="sr-only">
        Up and down arrows move between rows, right arrow opens a row, left arrow closes it, Enter selects.
      </p>
      <ul
        aria-label="Tool calls, actions, interactions and events"
        aria-describedby="explorer-list-keys"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index];
          const lane = row && lanes.find((l) => l.id === row.lane);
          if (!row || !lane) return null;
          const isSelected = row.key === selectedKey;
          return (
            <li
              key={row.key}
              className={`absolute left-0 flex w-full items-center gap-1 border-b pr-2 text-sm ${isSelected ? "bg-muted" : ""}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
              data-testid="explorer-list-row"
              data-item-key={row.key}
            >
              <span style={{ width: row.depth * 16 }} className="shrink-0" />
              {row.hasChildren ? (
                <button
                  type="button"
                  // Arrow keys open and close rows; this button is for the pointer, outside the tab order.
                  tabIndex={-1}
                  className="flex size-6 shrink-0 items-center justify-center rounded hover:bg-muted focus-visible:outline-2 focus-visible:outline-brand-500"
                  aria-expanded={row.isExpanded}
                  aria-label={`${row.isExpanded ? "Collapse" : "Expand"} ${KIND[row.lane].toLowerCase()} ${lane.labels[row.index]}`}
                  onClick={() => toggle(row.key)}
                >
                  <span aria-hidden="true">{row.isExpanded ? "▾" : "▸"}</span>
                </button>
              ) : (
                <span className="size-6 shrink-0" />
              )}
              <button
                type="button"
                data-row-select
                tabIndex={row.key === tabbableKey ? 0 : -1}
                aria-current={isSelected ? "true" : undefined}
                onFocus={() => setFocusKey(row.key)}
                className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-muted focus-visible:outline-2 focus-visible:outline-brand-500"
                onClick={() => onSelect({ lane: row.lane, index: row.index })}
              >
                <span className="w-20 shrink-0 text-xs text-muted-foreground">{KIND[row.lane]}</span>
                <span className="min-w-0 flex-1 truncate">{lane.labels[row.index]}</span>
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  {formatMs(lane.starts[row.index] as number)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
