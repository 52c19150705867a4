import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { calendarTargets as cal } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const edit = "https://calendar.google.com/calendar/u/0/r/eventedit";

/** One event created in the editor on `date`; `zoneText` is a zone display the person clicked, if any. */
function createEvent(date: string, options: { timezone?: string; zoneText?: string } = {}) {
  const s = new TestSession(edit, {
    start: Date.UTC(2026, 5, 1, 8),
    ...(options.timezone ? { timezone: options.timezone } : {}),
  });
  if (options.zoneText) s.click({ tag: "button", role: "button", text: options.zoneText });
  s.type(cal.title, "Sync")
    .fill(cal.startDate, date)
    .fill(cal.startTime, "9:00am")
    .fill(cal.endTime, "9:30am");
  return s.click(cal.save);
}

async function toolCallOf(s: TestSession, stated?: string) {
  const result = await runPipeline({
    events: s.events,
    suite: "google-calendar",
    catalog,
    ...(stated ? { timezone: stated } : {}),
  });
  const examples = await generateExamples({
    actions: result.actions,
    suite: "google-calendar",
    model: "tracepipe-rules-1",
    catalog,
    format: "openai",
    ...(result.timezone ? { timezone: result.timezone } : {}),
  });
  return { result, call: examples.toolCalls[0]?.arguments, rejected: examples.rejected };
}

describe("the session's zone through the pipeline", () => {
  it("a stated zone gives each date its own offset: Berlin in summer +02:00, in winter +01:00", async () => {
    const summer = await toolCallOf(createEvent("Jul 14, 2026"), "Europe/Berlin");
    expect(summer.result).toMatchObject({ timezone: "Europe/Berlin", timezoneSource: "stated" });
    expect(summer.call).toMatchObject({
      start: "2026-07-14T09:00:00+02:00",
      end: "2026-07-14T09:30:00+02:00",
    });
    const winter = await toolCallOf(createEvent("Dec 4, 2026"), "Europe/Berlin");
    expect(winter.call).toMatchObject({ start: "2026-12-04T09:00:00+01:00" });
  });

  it("takes the recording's own zone when none is stated", async () => {
    const { result, call } = await toolCallOf(createEvent("Dec 4, 2026", { timezone: "America/New_York" }));
    expect(result).toMatchObject({ timezone: "America/New_York", timezoneSource: "recording" });
    expect(call).toMatchObject({ start: "2026-12-04T09:00:00-05:00" });
  });

  it("infers the zone from Google Calendar's zone display in the page", async () => {
    const s = createEvent("Jul 14, 2026", { zoneText: "(GMT+01:00) Central European Time - Berlin" });
    const { result, call } = await toolCallOf(s);
    expect(result).toMatchObject({ timezone: "Europe/Berlin", timezoneSource: "inferred" });
    expect(call).toMatchObject({ start: "2026-07-14T09:00:00+02:00" });
  });

  it("with no evidence the event goes to review with timezone_unknown: never a silent UTC", async () => {
    const { result, call, rejected } = await toolCallOf(createEvent("Dec 4, 2026"));
    expect(result.timezone).toBeUndefined();
    expect(result.timezoneSource).toBe("unknown");
    expect(result.actions[0]).toMatchObject({
      slug: "create_event",
      needsReview: true,
      reviewReasons: ["timezone_unknown"],
    });
    expect(call).toBeUndefined();
    expect(rejected[0]?.errors.join(" ")).toMatch(/time zone/);
  });
});
