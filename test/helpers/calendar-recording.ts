import type { CanonicalEvent } from "@/schemas/events";
import { TestSession } from "./test-session";
import { calendarTargets as cal } from "./test-targets";

const edit = "https://calendar.google.com/calendar/u/0/r/eventedit";
const inbox = "https://mail.google.com/mail/u/0/#inbox";

/** Canonical test events as native `input_events.jsonl` lines (what a customer uploads or streams). */
export function toNativeLines(events: CanonicalEvent[]): string[] {
  return events.map(({ ts, source: _source, ...event }) => JSON.stringify({ ...event, timestamp: ts }));
}

/**
 * A native Calendar recording creating one event per date ("Jul 14, 2026" …) from 9:00am to 9:30am. `timezone`
 * adds the recorder's `meta` event; `zoneText` a click on a zone display; neither: no zone evidence at all.
 * `gmailSearch` also searches Gmail in another tab first (a session that crosses apps).
 */
export function calendarRecording(
  dates: string[],
  options: { timezone?: string; zoneText?: string; gmailSearch?: string } = {},
): string[] {
  const s = new TestSession(edit, {
    start: Date.UTC(2026, 5, 1, 8),
    ...(options.timezone ? { timezone: options.timezone } : {}),
  });
  const events: CanonicalEvent[] = [];
  if (options.gmailSearch) {
    const gmail = new TestSession(inbox, {
      tab: "t2",
      start: Date.UTC(2026, 5, 1, 7, 59),
      title: "Inbox - Gmail",
    });
    const search = { tag: "input", ariaLabel: "Search mail", placeholder: "Search mail", name: "q" };
    gmail.type(search, options.gmailSearch).press(search, "Enter");
    events.push(...gmail.events);
  }
  if (options.zoneText) s.click({ tag: "button", role: "button", text: options.zoneText });
  for (const date of dates) {
    s.fill(cal.title, `Sync ${date}`)
      .fill(cal.startDate, date)
      .fill(cal.startTime, "9:00am")
      .fill(cal.endTime, "9:30am")
      .click(cal.save)
      .navigate(edit);
  }
  events.push(...s.events);
  return toNativeLines(events.map((e, i) => ({ ...e, id: `e${i + 1}` })));
}

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
