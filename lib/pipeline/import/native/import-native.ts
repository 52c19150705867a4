import { z } from "zod";
import { type CanonicalEvent, nativeEventSchema } from "@/schemas/events";
import { describeError, type ImporterContext } from "../import-issue";
import { readLines } from "../read-lines";

/**
 * The same schema, AOT-compiled by zod into one straight-line validator (its generic runtime cost about as much
 * as `JSON.parse` per event). It accepts and rejects exactly what `nativeEventSchema` does and builds the same
 * output; an invalid event falls back to the runtime parser, so issues and messages are the runtime's
 * (native-event-parser.test.ts compares both on valid and mutated events). Where code generation is not allowed
 * (edge sandbox), `z.compile` returns the schema unchanged.
 */
export const nativeEventParser = z.compile(nativeEventSchema);

function toEpochMs(timestamp: number | string): number {
  return typeof timestamp === "number" ? timestamp : Date.parse(timestamp);
}

/** The UTC offset (minutes) of an ISO 8601 date-time, e.g. `+02:00` → 120; undefined without one. */
export function isoOffsetMinutes(timestamp: string): number | undefined {
  const match = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(timestamp);
  if (!match) return undefined;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** Formats zod's issue path as a JSON path, e.g. `$.target.role`. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : `${out}.${String(key)}`),
    "$",
  );
}

/**
 * Tracepipe's own `input_events.jsonl`: one `nativeEventSchema` object per line (timestamps ISO or epoch ms).
 * Blank lines are ignored; a line that is not JSON or not a valid event is reported with its line number.
 */
export async function* importNative(
  text: AsyncIterable<string>,
  ctx: ImporterContext,
): AsyncGenerator<CanonicalEvent[]> {
  const lines = readLines(text, {
    onTooLong: (line) => ctx.log.add({ line, code: "line_too_long", message: "line too long; skipped" }),
  });
  for await (const { first, texts } of lines) {
    const out: CanonicalEvent[] = [];
    for (let i = 0; i < texts.length; i++) {
      const event = toCanonical(first + i, texts[i] as string, ctx);
      if (event) out.push(event);
    }
    if (out.length > 0) yield out;
  }
}

function toCanonical(line: number, lineText: string, ctx: ImporterContext): CanonicalEvent | undefined {
  if (lineText.trim().length === 0) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(lineText);
  } catch (error) {
    ctx.log.add({ line, code: "invalid_json", message: describeError(error) });
    return undefined;
  }
  const parsed = nativeEventParser.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    ctx.log.add({
      line,
      path: first ? toJsonPath(first.path) : "$",
      code: "invalid_event",
      message: first ? first.message : "invalid event",
    });
    return undefined;
  }
  const data = parsed.data;
  const { timestamp } = data;
  const ts = toEpochMs(timestamp);
  // `Z` (UTC) says nothing about the recording's zone; checked first so UTC timestamps skip the regex.
  if (
    typeof timestamp === "string" &&
    ctx.hints.timezoneOffsetMinutes === undefined &&
    !timestamp.endsWith("Z")
  ) {
    const offset = isoOffsetMinutes(timestamp);
    if (offset !== undefined) ctx.hints.timezoneOffsetMinutes = offset;
  }
  if (!Number.isFinite(ts)) {
    ctx.log.add({ line, path: "$.timestamp", code: "invalid_timestamp", message: "timestamp is not a date" });
    return undefined;
  }
  const event: CanonicalEvent = {
    id: data.id ?? `n${line}`,
    ts,
    type: data.type,
    source: { format: "native", file: ctx.file, line },
  };
  const target = event as Record<string, unknown>;
  const source = data as Record<string, unknown>;
  // Copies the other fields in schema order. zod's output holds only schema keys, inserted in schema order, so
  // walking its own keys visits exactly what a walk over the schema's keys would find, without looking up the
  // two dozen absent ones (rest/spread, and then that walk, dominated this importer's own cost).
  for (const key in source) {
    if (key === "id" || key === "timestamp" || key === "type") continue;
    const value = source[key];
    if (value !== undefined) target[key] = value;
  }
  return event;
}
