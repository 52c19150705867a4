import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction, ToolCall, Window } from "@/schemas/pipeline";
import type { LaneId } from "./timeline-lanes";

/**
 * One columnar chunk of a lane as sent to the explorer: parallel arrays, category names as a dictionary, times in
 * ms relative to the session's first event. A lane is streamed as NDJSON, one chunk per line, so the browser can
 * paint after the first chunk and never parses one giant JSON document.
 */
export interface TimelineChunk {
  lane: LaneId;
  starts: number[];
  ends: number[];
  ids: string[];
  labels: string[];
  categories: string[];
  flagged?: number[];
  links?: string[][];
}

export const TIMELINE_CHUNK_SIZE = 20_000;

/** The explorer's marker where bronze redacted something: the kinds, never the value. */
export function redactionNote(kinds: readonly string[] | undefined): string {
  return kinds && kinds.length > 0 ? `[redacted: ${kinds.join(", ")}]` : "";
}

function targetName(event: Pick<CanonicalEvent, "target">): string {
  const t = event.target;
  if (!t) return "";
  return t.label ?? t.ariaLabel ?? t.placeholder ?? t.name ?? t.text?.slice(0, 60) ?? t.id ?? t.tag ?? "";
}

/** One lane item before it is grouped into columns. */
export type Row = Omit<
  TimelineChunk,
  "lane" | "starts" | "ends" | "ids" | "labels" | "categories" | "flagged" | "links"
> & {
  start: number;
  end: number;
  id: string;
  label: string;
  category: string;
  flagged?: boolean;
  links?: string[];
};

export const eventRow = (e: CanonicalEvent, t0: number): Row => {
  const value = e.masked ? "•••" : (e.value ?? e.key ?? "");
  return {
    start: e.ts - t0,
    end: e.ts - t0,
    id: e.id,
    label: [e.type, targetName(e), value ? `“${String(value).slice(0, 40)}”` : "", redactionNote(e.redacted)]
      .filter(Boolean)
      .join(" "),
    category: e.type,
  };
};

export const interactionRow = (i: Interaction, t0: number): Row => ({
  start: i.ts - t0,
  end: i.endTs - t0,
  id: i.id,
  label: [
    i.kind,
    i.target ? targetName({ target: i.target }) : "",
    i.value ? `“${i.value.slice(0, 40)}”` : "",
    redactionNote(i.redacted),
  ]
    .filter(Boolean)
    .join(" "),
  category: i.kind,
  links: i.eventIds,
});

export const windowRow = (w: Window, t0: number): Row => ({
  start: w.startTs - t0,
  end: w.endTs - t0,
  id: w.id,
  label: `${w.pageKind} · ${w.title ?? w.url ?? w.origin}`,
  category: w.pageKind,
  links: w.interactionIds,
});

export const actionRow = (a: GoldAction, t0: number, end: number): Row => ({
  start: a.ts - t0,
  end: Math.max(a.ts - t0, end),
  id: a.id,
  label: a.slug,
  category: a.slug,
  flagged: a.needsReview,
  links: [...a.interactionIds, ...a.eventIds],
});

export const toolCallRow = (call: ToolCall, action: GoldAction, t0: number): Row => ({
  start: action.ts - t0,
  end: action.ts - t0,
  id: `call:${call.action}`,
  label: `${call.tool}(${Object.keys(call.arguments).join(", ")})`,
  category: call.tool,
  links: [call.action],
});

/** Groups rows into columnar chunks of at most `size` items. */
export async function* toChunks(
  lane: LaneId,
  rows: AsyncIterable<Row> | Iterable<Row>,
  size = TIMELINE_CHUNK_SIZE,
): AsyncGenerator<TimelineChunk> {
  let chunk = emptyChunk(lane);
  for await (const row of rows) {
    chunk.starts.push(row.start);
    chunk.ends.push(row.end);
    chunk.ids.push(row.id);
    chunk.labels.push(row.label);
    chunk.categories.push(row.category);
    // Optional columns stay aligned with the others: created on the first row that has them, back-filled.
    if (row.flagged !== undefined || chunk.flagged) {
      chunk.flagged ??= new Array(chunk.ids.length - 1).fill(0);
      chunk.flagged.push(row.flagged ? 1 : 0);
    }
    if (row.links || chunk.links) {
      chunk.links ??= Array.from({ length: chunk.ids.length - 1 }, () => []);
      chunk.links.push(row.links ?? []);
    }
    if (chunk.ids.length >= size) {
      yield chunk;
      chunk = emptyChunk(lane);
    }
  }
  if (chunk.ids.length > 0) yield chunk;
}

const emptyChunk = (lane: LaneId): TimelineChunk => ({
  lane,
  starts: [],
  ends: [],
  ids: [],
  labels: [],
  categories: [],
});
