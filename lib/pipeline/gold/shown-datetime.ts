import * as chrono from "chrono-node";

export type WallDate = { year: number; month: number; day: number };
export type WallTime = { hour: number; minute: number };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Dates and times as a form shows them ("Tuesday, December 2", "Dec 2, 2025", "10:00am", "10:00am – 11:00am").
 * Results are wall-clock values: the recording's time zone is applied later, when examples are written
 * (`datetime_iso8601`), so the gold layer never depends on the machine's zone.
 */
export function parseShownDate(text: string, reference: Date): WallDate | undefined {
  const result = chrono.parse(text, reference, { forwardDate: true })[0];
  if (!result?.start.isCertain("day") && !result?.start.isCertain("weekday")) return undefined;
  const start = result.start;
  const year = start.get("year");
  const month = start.get("month");
  const day = start.get("day");
  if (year === null || month === null || day === null) return undefined;
  const weekday = start.get("weekday");
  if (!start.isCertain("year") && weekday !== null && start.isCertain("weekday")) {
    // "Thursday, December 3" without a year: the year, nearest the recording, in which that date is a Thursday
    // (a calendar shows the week being viewed, which may lie behind the recording's date).
    const base = reference.getUTCFullYear();
    const matching = [base, base + 1, base - 1].find(
      (y) => new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday,
    );
    if (matching !== undefined) return { year: matching, month, day };
  }
  return { year, month, day };
}

export function parseShownTimes(text: string, reference: Date): { start?: WallTime; end?: WallTime } {
  const result = chrono.parse(text, reference)[0];
  if (!result?.start.isCertain("hour")) return {};
  const time = (components: chrono.ParsedComponents): WallTime => ({
    hour: components.get("hour") ?? 0,
    minute: components.get("minute") ?? 0,
  });
  return { start: time(result.start), ...(result.end?.isCertain("hour") ? { end: time(result.end) } : {}) };
}

export function formatWallDateTime(date: WallDate, time: WallTime | undefined): string {
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  return time ? `${day}T${pad(time.hour)}:${pad(time.minute)}:00` : day;
}
