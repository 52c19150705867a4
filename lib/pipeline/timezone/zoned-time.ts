import { TZDate, tzOffset } from "@date-fns/tz";

/**
 * Zone math for the pipeline, over @date-fns/tz (which reads the runtime's tz database through Intl, so it works
 * alike in browsers, Node and edge runtimes). Every offset is the zone's offset on that date: a summer date in
 * Berlin is +02:00, a winter one +01:00.
 */

/** Offset of `timeZone` from UTC at `instant` (epoch ms), in minutes (Berlin in July: 120). */
export function offsetMinutes(instant: number, timeZone: string): number {
  return tzOffset(timeZone, new Date(instant));
}

/** `+02:00`, `-05:00`, `+05:30`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A wall-clock date-time as a form shows it ("2025-12-02T10:00:00") to RFC 3339 with the offset `timeZone` has on
 * that date. A time skipped by a DST change moves forward by the gap (02:30 on a spring-forward day is 03:30), as
 * the apps do. Values that already carry an offset pass through. `undefined` when the text is not a wall-clock
 * date(-time) — or when no zone is known: the caller keeps the wall-clock text rather than invent UTC.
 */
export function toRfc3339(wall: string, timeZone: string | undefined): string | undefined {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(wall) && !Number.isNaN(Date.parse(wall))) return wall;
  const match = wallPattern.exec(wall);
  if (!match || !timeZone) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = match.slice(1).map((part) => (part ? Number(part) : 0));
  const date = new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h, mi, s, timeZone);
  if (Number.isNaN(date.getTime())) return undefined;
  const wallText = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${wallText}${formatOffset(offsetMinutes(date.getTime(), timeZone))}`;
}
