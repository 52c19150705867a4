"use client";

export interface InspectedItem {
  lane: string;
  id: string;
  label: string;
  start: number;
  end: number;
  confidence?: number;
  needsReview?: boolean;
  links: string[];
  detail?: unknown;
}

/** The selected item's JSON, provenance, confidence and review flag. */
export function ExplorerInspector({ item }: { item?: InspectedItem }) {
  if (!item) {
    return (
      <aside className="p-4 text-sm text-muted-foreground" aria-label="Inspector">
        Select an item on the timeline (click, or j/k) to inspect it.
      </aside>
    );
  }
  return (
    <aside className="flex flex-col gap-3 p-4 text-sm" aria-label="Inspector" data-testid="inspector">
      <div>
        <p className="text-xs uppercase tracking-wide text-muted-foreground">{item.lane}</p>
        <h2 className="font-semibold break-all">{item.label}</h2>
        <p className="text-xs text-muted-foreground">
          {formatMs(item.start)} – {formatMs(item.end)} · id <code>{item.id}</code>
        </p>
      </div>
      {item.confidence !== undefined && (
        <p>
          Confidence <strong>{item.confidence.toFixed(2)}</strong>
          {item.needsReview && (
            <span className="ml-2 rounded bg-warning-muted px-1.5 py-0.5 text-xs font-medium text-warning-muted-foreground">
              needs review
            </span>
          )}
        </p>
      )}
      {item.links.length > 0 && (
        <div>
          <p className="text-xs font-medium text-muted-foreground">Came from ({item.links.length})</p>
          <p className="max-h-20 overflow-auto font-mono text-xs break-all">{item.links.join(", ")}</p>
        </div>
      )}
      <pre className="max-h-[50vh] overflow-auto rounded bg-muted p-2 text-xs break-all whitespace-pre-wrap">
        {JSON.stringify(item.detail ?? {}, null, 2)}
      </pre>
    </aside>
  );
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(2)} s` : `${Math.floor(s / 60)}m ${(s % 60).toFixed(1)}s`;
}
