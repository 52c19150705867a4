import { calendarTargets as cal } from "./test-targets";

/**
 * A native `input_events.jsonl` recording of someone creating a Google Calendar event in the full editor (date,
 * times, location), for review-queue tests. Without `title` the saved event lacks a required argument, so the
 * pipeline marks it for review instead of inventing one.
 */
export function calendarEditorRecordingLines(options: {
  title?: string;
  timezone?: string;
  start?: number;
}): string[] {
  const lines: string[] = [];
  let ts = options.start ?? Date.UTC(2026, 10, 20, 15);
  let id = 0;
  const tab = "t1";
  const edit = "https://calendar.google.com/calendar/u/0/r/eventedit";
  const week = "https://calendar.google.com/calendar/u/0/r/week";
  let url = edit;
  const push = (event: Record<string, unknown>) => {
    ts += 300;
    id += 1;
    lines.push(JSON.stringify({ id: `e${id}`, timestamp: ts, tab, url, ...event }));
  };
  const fill = (target: object, value: string) => {
    push({ type: "focus", target });
    push({ type: "input", target, value, inputType: "insertText" });
    push({ type: "change", target, value });
  };
  if (options.timezone) push({ type: "meta", timezone: options.timezone, userAgent: "Mozilla/5.0" });
  push({ type: "navigation", title: "Google Calendar - Event details" });
  if (options.title) fill(cal.title, options.title);
  fill(cal.startDate, "Wednesday, December 2");
  fill(cal.startTime, "2:30pm");
  fill(cal.endTime, "3:30pm");
  fill(cal.location, "Room 4B");
  push({ type: "click", target: cal.save, x: 10, y: 10, button: 0 });
  url = week;
  push({ type: "navigation", title: "Google Calendar - Week of November 30, 2026" });
  return lines;
}
