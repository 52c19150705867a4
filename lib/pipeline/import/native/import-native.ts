import { type CanonicalEvent, nativeEventSchema } from "@/schemas/events";
import { describeError, type ImporterContext } from "../import-issue";
import { readLines } from "../read-lines";

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
  for await (const batch of lines) {
    const out: CanonicalEvent[] = [];
    for (const { line, text: lineText } of batch) {
      const event = toCanonical(line, lineText, ctx);
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
  const parsed = nativeEventSchema.safeParse(raw);
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
  const { timestamp, id, ...rest } = parsed.data;
  const ts = toEpochMs(timestamp);
  if (typeof timestamp === "string" && ctx.hints.timezoneOffsetMinutes === undefined) {
    const offset = isoOffsetMinutes(timestamp);
    if (offset !== undefined && !timestamp.endsWith("Z")) ctx.hints.timezoneOffsetMinutes = offset;
  }
  if (!Number.isFinite(ts)) {
    ctx.log.add({ line, path: "$.timestamp", code: "invalid_timestamp", message: "timestamp is not a date" });
    return undefined;
  }
  return { ...rest, id: id ?? `n${line}`, ts, source: { format: "native", file: ctx.file, line } };
}
