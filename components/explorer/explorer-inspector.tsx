"use client";

import Link from "next/link";
import { forwardRef } from "react";
import { formatDuration } from "@/lib/explorer/time-axis-ticks";
import type { LaneId } from "@/lib/explorer/timeline-lanes";
import type { ReviewItemResource } from "@/schemas/review-items";
import { InspectorFields, RedactionMarker, redactionKindsInLabel } from "./inspector-fields";
import { type ProvenanceChip, ProvenanceChips } from "./provenance-chips";
import { reviewItemHref } from "./use-session-review-items";

export interface InspectedItem {
  laneId: LaneId;
  lane: string;
  id: string;
  label: string;
  start: number;
  end: number;
  confidence?: number;
  needsReview?: boolean;
  /** What it came from (for a tool call: its action and the action's sources). */
  sources: ProvenanceChip[];
  /** What it is part of, up the chain: its interaction, action and tool call. */
  partOf: ProvenanceChip[];
  review?: ReviewItemResource;
  detail?: unknown;
  /** The stored record is fetched on selection; "unavailable" when there is no loader or it failed. */
  detailStatus: "loading" | "ready" | "unavailable";
}

const reviewStatusText: Record<ReviewItemResource["status"], string> = {
  pending: "Waiting for review",
  accepted: "Accepted in review",
  rejected: "Rejected in review",
};

const detailFlags = (detail: unknown) => {
  const record = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>) : {};
  const redacted = Array.isArray(record.redacted) ? record.redacted.map(String) : [];
  return { redacted, masked: record.masked === true };
};

/** The selected item: its values, review state, where redaction happened, and its provenance as chips. */
export const ExplorerInspector = forwardRef<
  HTMLElement,
  {
    item?: InspectedItem;
    onOpenItem?: (id: string) => void;
    /** Whether an item not loaded on the timeline can still be opened (found by id in the index). */
    canFindUnloaded?: boolean;
  }
>(function ExplorerInspector({ item, onOpenItem = () => {}, canFindUnloaded = false }, ref) {
  if (!item) {
    return (
      <aside ref={ref} tabIndex={-1} className="p-4 text-sm text-muted-foreground" aria-label="Inspector">
        Select an item on the timeline (click, or Tab to it and use the arrow keys) to inspect it.
      </aside>
    );
  }
  const flags = detailFlags(item.detail);
  const ownKinds = [...new Set([...flags.redacted, ...redactionKindsInLabel(item.label)])];
  const sourceKinds = [...new Set(item.sources.flatMap((s) => redactionKindsInLabel(s.label)))];
  return (
    <aside
      ref={ref}
      tabIndex={-1}
      className="flex min-w-0 flex-col gap-3 p-4 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      aria-label="Inspector"
      data-testid="inspector"
      data-item-id={item.id}
    >
      <div>
        <p className="text-xs uppercase tracking-wide text-muted-foreground">{item.lane}</p>
        <h2 className="font-semibold break-all">{item.label}</h2>
        <p className="text-xs text-muted-foreground tabular-nums">
          {formatMs(item.start)} – {formatMs(item.end)} · {formatDuration(item.end - item.start)} · id{" "}
          <code>{item.id}</code>
        </p>
      </div>
      {item.confidence !== undefined || item.needsReview || item.review ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="inspector-review">
          {item.confidence !== undefined ? (
            <span>
              Confidence <strong>{item.confidence.toFixed(2)}</strong>
            </span>
          ) : null}
          {item.review ? (
            <>
              <span className="rounded bg-muted px-1.5 py-0.5 text-xs font-medium">
                {reviewStatusText[item.review.status]}
              </span>
              <Link className="text-xs font-medium text-link underline" href={reviewItemHref(item.review)}>
                Open its review item
              </Link>
            </>
          ) : item.needsReview ? (
            <span className="rounded bg-warning-muted px-1.5 py-0.5 text-xs font-medium text-warning-muted-foreground">
              needs review
            </span>
          ) : null}
        </div>
      ) : null}
      {item.detailStatus === "loading" ? (
        <p className="text-xs text-muted-foreground" role="status">
          Loading details…
        </p>
      ) : (
        <InspectorFields lane={item.laneId} detail={item.detail} />
      )}
      <RedactionMarker kinds={ownKinds} masked={flags.masked} where="here" />
      {ownKinds.length === 0 ? <RedactionMarker kinds={sourceKinds} where="in its sources" /> : null}
      <ProvenanceChips
        title="Came from"
        chips={item.sources}
        onOpen={onOpenItem}
        canFindUnloaded={canFindUnloaded}
        testId="provenance-sources"
      />
      <ProvenanceChips
        title="Part of"
        chips={item.partOf}
        onOpen={onOpenItem}
        canFindUnloaded={canFindUnloaded}
        testId="provenance-part-of"
      />
      {item.detail !== undefined ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted-foreground">Stored record (JSON)</summary>
          <pre className="mt-1 max-h-[40vh] overflow-auto rounded bg-muted p-2 break-all whitespace-pre-wrap">
            {JSON.stringify(item.detail, null, 2)}
          </pre>
        </details>
      ) : null}
    </aside>
  );
});

export function formatMs(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  const s = abs / 1000;
  return s < 60 ? `${sign}${s.toFixed(2)} s` : `${sign}${Math.floor(s / 60)}m ${(s % 60).toFixed(1)}s`;
}
