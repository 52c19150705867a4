"use client";

import type { RefObject } from "react";

export type ExplorerView = "timeline" | "list";

/** Search (highlights as you type), event-type filters, the Timeline | List switch, zoom reset and the key sheet. */
export function ExplorerToolbar({
  query,
  onQueryChange,
  onJump,
  matchCount,
  isSearching,
  searchRef,
  eventTypes,
  hiddenTypes,
  onToggleType,
  view,
  onViewChange,
  onResetZoom,
  onShowShortcuts,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  onJump: (offset: number) => void;
  matchCount: number;
  isSearching: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  eventTypes: string[];
  hiddenTypes: ReadonlySet<string>;
  onToggleType: (type: string) => void;
  view: ExplorerView;
  onViewChange: (view: ExplorerView) => void;
  onResetZoom: () => void;
  onShowShortcuts: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" role="toolbar" aria-label="Explorer tools">
      <fieldset className="flex rounded-md border p-0.5">
        <legend className="sr-only">View</legend>
        {(["timeline", "list"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={view === option}
            onClick={() => onViewChange(option)}
            className={`rounded px-2.5 py-0.5 text-xs font-medium ${view === option ? "bg-brand-600 text-white" : "hover:bg-muted"}`}
          >
            {option === "timeline" ? "Timeline" : "List"}
          </button>
        ))}
      </fieldset>
      <label className="flex min-w-0 items-center gap-2">
        <span className="sr-only">Search the timeline</span>
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Search events, actions, tools…"
          className="w-64 max-w-full min-w-0 rounded-md border border-input bg-card px-2 py-1"
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") onJump(event.shiftKey ? -1 : 1);
            if (event.key === "Escape") (event.target as HTMLInputElement).blur();
          }}
        />
      </label>
      <span className="text-muted-foreground" aria-live="polite" data-testid="search-matches">
        {isSearching
          ? `${matchCount.toLocaleString()} matches${matchCount > 0 ? " · Enter for the next" : ""}`
          : ""}
      </span>
      {eventTypes.map((type) => (
        <label key={type} className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={!hiddenTypes.has(type)} onChange={() => onToggleType(type)} />
          {type}
        </label>
      ))}
      <div className="ml-auto flex items-center gap-3">
        <button type="button" className="text-xs underline" onClick={onResetZoom}>
          Reset zoom
        </button>
        <button type="button" className="text-xs underline" onClick={onShowShortcuts}>
          Keyboard shortcuts <kbd className="rounded border px-1 font-mono">?</kbd>
        </button>
      </div>
    </div>
  );
}
