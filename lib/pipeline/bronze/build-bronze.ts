import { BatchedItems } from "@/lib/pipeline/import/batched-items";
import type { ImportIssue, RecordingHints } from "@/lib/pipeline/import/import-issue";
import type { ZoneEvidence } from "@/lib/pipeline/timezone/zone-evidence";
import { formatOffset } from "@/lib/pipeline/timezone/zoned-time";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { CanonicalEvent } from "@/schemas/events";
import { IdSet } from "./id-set";
import { maskEventValues } from "./mask-values";
import { EventRedactor } from "./redact/event-redactor";
import { ReorderBuffer } from "./reorder-buffer";

export interface BronzeOptions {
  /**
   * How many events may wait to be put in time order. Events further out of order than this are emitted at the
   * latest time already emitted (their original `ts` is kept in an issue), so the output is always ordered.
   */
  reorderWindow?: number;
  file?: string;
  /** Hints the importer filled (`importRecording(...).hints`); read when the events are exhausted. */
  hints?: RecordingHints;
  /** The account's redaction level (`standard` when not given); applied before any event leaves bronze. */
  redaction?: RedactionLevel;
}

export interface BronzeSummary {
  eventCount: number;
  firstTs?: number;
  lastTs?: number;
  /** IANA zone from a `meta` event, else a fixed-offset zone (`Etc/GMT-2`) from ISO timestamps, else undefined. */
  timezone?: string;
  timezoneSource?: "meta" | "offset";
  /** Evidence of the user's zone outside the events (ISO timestamp offsets, zones shown in page text). */
  zoneEvidence: ZoneEvidence[];
  maskedCount: number;
  passwordCount: number;
  /** Events whose text bronze redacted (cards, secrets, one-time codes; in `strict` also personal data). */
  redactedCount: number;
  duplicateIdCount: number;
  reorderedCount: number;
}

export interface BronzeResult {
  /** Bronze events: time-ordered (stable by ts, then source order), unique ids, masked values removed. */
  events: AsyncIterable<CanonicalEvent>;
  /** The same events in batches; iterate either `events` or `batches`. */
  batches: AsyncIterable<CanonicalEvent[]>;
  /** Complete once `events` has been consumed. */
  summary: BronzeSummary;
  issues: ImportIssue[];
}

const DEFAULT_REORDER_WINDOW = 4096;

/** `Etc/GMT` zones only exist for whole hours and have inverted signs (`Etc/GMT-2` is UTC+2). */
export function offsetToZone(offsetMinutes: number): string | undefined {
  if (offsetMinutes === 0) return "UTC";
  if (offsetMinutes % 60 !== 0 || Math.abs(offsetMinutes) > 14 * 60) return undefined;
  const hours = offsetMinutes / 60;
  return `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}

/**
 * Bronze layer: validated canonical events in time order with unique ids and per-source provenance. Password
 * values are dropped and masked values flagged here, so no later layer ever sees them.
 */
export function buildBronze(
  input: AsyncIterable<CanonicalEvent> | AsyncIterable<readonly CanonicalEvent[]>,
  options: BronzeOptions = {},
): BronzeResult {
  const window = options.reorderWindow ?? DEFAULT_REORDER_WINDOW;
  const issues: ImportIssue[] = [];
  const summary: BronzeSummary = {
    eventCount: 0,
    zoneEvidence: [],
    maskedCount: 0,
    passwordCount: 0,
    redactedCount: 0,
    duplicateIdCount: 0,
    reorderedCount: 0,
  };
  const seenIds = new IdSet();
  const redactor = new EventRedactor(options.redaction ?? "standard");
  const where = (event: CanonicalEvent) => ({
    ...((options.file ?? event.source.file) ? { file: options.file ?? event.source.file } : {}),
    ...(event.source.line !== undefined ? { line: event.source.line } : {}),
    ...(event.source.path !== undefined ? { path: event.source.path } : {}),
  });

  function uniqueId(event: CanonicalEvent): string {
    // Importers number their events (r1, r2…) uniquely; only client-chosen ids (native JSONL) can repeat.
    if (event.source.format !== "native") return event.id;
    if (seenIds.add(event.id)) return event.id;
    summary.duplicateIdCount++;
    let n = 2;
    while (!seenIds.add(`${event.id}~${n}`)) n++;
    const id = `${event.id}~${n}`;
    if (issues.length < 1000) {
      issues.push({
        ...where(event),
        code: "duplicate_id",
        message: `event id ${event.id} repeated; renamed ${id}`,
      });
    }
    return id;
  }

  function emit(pending: CanonicalEvent, lastTs: number | undefined): CanonicalEvent {
    let event = pending;
    if (lastTs !== undefined && event.ts < lastTs) {
      summary.reorderedCount++;
      if (issues.length < 1000) {
        issues.push({
          ...where(event),
          code: "out_of_order",
          message: `event at ${event.ts} arrived more than ${window} events late; placed at ${lastTs}`,
        });
      }
      event = { ...event, ts: lastTs };
    }
    const id = uniqueId(event);
    if (id !== event.id) event = { ...event, id };
    const redacted = redactor.apply(event, summary);
    // A value redacted whole (a card number typed alone) is all `*` now: masked, never a parameter.
    if (redacted !== event) event = maskEventValues(redacted, summary);
    summary.eventCount++;
    summary.firstTs ??= event.ts;
    summary.lastTs = event.ts;
    if (event.type === "meta" && event.timezone && summary.timezoneSource !== "meta") {
      summary.timezone = event.timezone;
      summary.timezoneSource = "meta";
    }
    return event;
  }

  async function* batches(): AsyncGenerator<CanonicalEvent[]> {
    const buffer = new ReorderBuffer<CanonicalEvent>();
    let lastTs: number | undefined;
    const accept = (raw: CanonicalEvent, out: CanonicalEvent[]) => {
      if (!Number.isFinite(raw.ts)) {
        if (issues.length < 1000)
          issues.push({ ...where(raw), code: "invalid_timestamp", message: "no valid time" });
        return;
      }
      redactor.learn(raw);
      buffer.push(maskEventValues(raw, summary));
      if (buffer.size > window) {
        const event = emit(buffer.shift()!, lastTs);
        lastTs = event.ts;
        out.push(event);
      }
    };
    // Importers' `events` hold batches underneath: reading those skips an async step per event.
    const source: AsyncIterable<CanonicalEvent | readonly CanonicalEvent[]> =
      input instanceof BatchedItems ? input.takeBatches() : input;
    for await (const item of source) {
      const out: CanonicalEvent[] = [];
      if (isBatch(item)) for (const raw of item) accept(raw, out);
      else accept(item, out);
      if (out.length > 0) yield out;
    }
    const rest: CanonicalEvent[] = [];
    while (buffer.size > 0) {
      const event = emit(buffer.shift()!, lastTs);
      lastTs = event.ts;
      rest.push(event);
    }
    if (rest.length > 0) yield rest;
    const offset = options.hints?.timezoneOffsetMinutes;
    if (offset !== undefined) {
      summary.zoneEvidence.push({
        kind: "offset",
        offsetMinutes: offset,
        text: `timestamps at ${formatOffset(offset)}`,
        ...(summary.firstTs !== undefined ? { at: summary.firstTs } : {}),
      });
    }
    summary.zoneEvidence.push(...(options.hints?.zoneEvidence ?? []));
    if (summary.timezoneSource === undefined && offset !== undefined) {
      const zone = offsetToZone(offset);
      if (zone) {
        summary.timezone = zone;
        summary.timezoneSource = "offset";
      }
    }
  }

  const batchIterator = batches();
  return { events: new BatchedItems(batchIterator), batches: batchIterator, summary, issues };
}

function isBatch(item: CanonicalEvent | readonly CanonicalEvent[]): item is readonly CanonicalEvent[] {
  return Array.isArray(item);
}
