"use client";

import { useState } from "react";

export interface ProvenanceChip {
  id: string;
  /** The lane it was found in ("Raw events"), or undefined when it is not loaded on the timeline. */
  lane?: string;
  label?: string;
  isRedacted: boolean;
}

const COLLAPSED = 6;

/** Linked items as buttons that select them on the timeline; long lists show a few and "Show all N". */
export function ProvenanceChips({
  title,
  chips,
  onOpen,
  canFindUnloaded = false,
  testId,
}: {
  title: string;
  chips: ProvenanceChip[];
  onOpen: (id: string) => void;
  /** A chip whose item is not loaded can still be opened: it is found by id in the index and zoomed to. */
  canFindUnloaded?: boolean;
  testId: string;
}) {
  const [isExpanded, setIsExpanded] = useState(false);
  if (chips.length === 0) return null;
  const shown = isExpanded ? chips : chips.slice(0, COLLAPSED);
  return (
    <section aria-label={`${title} (${chips.length})`} data-testid={testId}>
      <h3 className="mb-1 text-xs font-medium text-muted-foreground">
        {title} ({chips.length})
      </h3>
      <ul className="flex max-h-48 flex-wrap gap-1.5 overflow-y-auto">
        {shown.map((chip) => (
          <li key={chip.id} className="min-w-0 max-w-full">
            <button
              type="button"
              disabled={!chip.lane && !canFindUnloaded}
              onClick={() => onOpen(chip.id)}
              title={
                chip.lane
                  ? `Select ${chip.id} on the timeline`
                  : canFindUnloaded
                    ? `Find ${chip.id} on the timeline`
                    : `${chip.id} is not on the timeline`
              }
              className="flex max-w-full items-center gap-1 rounded-full border bg-card px-2 py-0.5 text-left text-xs hover:bg-muted focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60"
              data-testid="provenance-chip"
              data-item-id={chip.id}
            >
              {chip.lane ? <span className="shrink-0 text-muted-foreground">{chip.lane}</span> : null}
              <span className="truncate">{chip.label ?? chip.id}</span>
              {chip.isRedacted ? (
                <span
                  className="shrink-0 rounded bg-muted px-1 text-[10px]"
                  title="Something here was redacted"
                >
                  redacted
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      {chips.length > COLLAPSED ? (
        <button
          type="button"
          className="mt-1 text-xs font-medium text-link underline"
          aria-expanded={isExpanded}
          onClick={() => setIsExpanded(!isExpanded)}
        >
          {isExpanded ? "Show fewer" : `Show all ${chips.length}`}
        </button>
      ) : null}
    </section>
  );
}
