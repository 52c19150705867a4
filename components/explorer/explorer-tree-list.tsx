"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import { ancestorKeys, flattenTree, itemKey } from "@/lib/explorer/explorer-tree";
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

  // A selection made on the timeline opens its chain here and scrolls to it.
  useEffect(() => {
    if (!selection) return;
    const missing = ancestorKeys(lanes, selection).filter((key) => !expanded.has(key));
    if (missing.length > 0) setExpanded(new Set([...expanded, ...missing]));
  }, [selection, lanes, expanded]);
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

  if (rows.length === 0) {
    return (
      <p className="p-4 text-sm text-muted-foreground">
        No tool calls or actions were found in this session. The timeline shows its events.
      </p>
    );
  }
  return (
    <div ref={scrollRef} className="h-[26rem] overflow-auto" data-testid="explorer-list">
      <ul
        aria-label="Tool calls, actions, interactions and events"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
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
                aria-current={isSelected ? "true" : undefined}
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
