import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { calendarTargets as cal } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const week = "https://calendar.google.com/calendar/u/0/r/week";
const edit = "https://calendar.google.com/calendar/u/0/r/eventedit";
const run = async (s: TestSession) =>
  (await runPipeline({ events: s.events, suite: "google-calendar", catalog })).actions;

describe("Google Calendar recognisers", () => {
  it("reads title, shown date and times, location and guests from the event editor and saves", async () => {
    const s = new TestSession(edit, { start: Date.UTC(2025, 10, 20, 15) });
    s.type(cal.title, "Design review")
      .fill(cal.startDate, "Tuesday, December 2")
      .fill(cal.startTime, "10:00am");
    s.fill(cal.endTime, "11:30am")
      .type(cal.location, "Room 4")
      .type(cal.guests, "ann@example.com")
      .commitChip(cal.guests);
    s.click(cal.save).navigate(week);
    const actions = await run(s);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      slug: "create_event",
      parameters: {
        title: "Design review",
        start: "2025-12-02T10:00:00",
        end: "2025-12-02T11:30:00",
        location: "Room 4",
        guests: ["ann@example.com"],
      },
      needsReview: false,
    });
  });

  it("reads the quick-create dialog's shown date and time range", async () => {
    const s = new TestSession(week, { start: Date.UTC(2025, 10, 20, 15) });
    s.type(cal.title, "Lunch");
    s.click({ tag: "div", role: "button", text: "Tuesday, December 2" });
    s.click({ tag: "div", role: "button", text: "12:00pm – 1:00pm" });
    s.click(cal.save);
    const [action] = await run(s);
    expect(action?.parameters).toEqual({
      title: "Lunch",
      start: "2025-12-02T12:00:00",
      end: "2025-12-02T13:00:00",
    });
  });

  it("cancelled events (Close, Escape) are not actions, and leaving the editor after a cancel is not one either", async () => {
    const s = new TestSession(edit)
      .type(cal.title, "Nope")
      .fill(cal.startDate, "Dec 3, 2025")
      .click(cal.close)
      .navigate(week);
    s.type(cal.title, "Also nope").press(cal.title, "Escape");
    expect(await run(s)).toEqual([]);
  });

  it("recognises a search by Enter and by the results address", async () => {
    const s = new TestSession(week).type(cal.search, "standup").press(cal.search, "Enter");
    s.navigate("https://calendar.google.com/calendar/u/0/r/search?q=standup");
    s.wait(60_000).navigate(week).navigate("https://calendar.google.com/calendar/u/0/r/search?q=retro");
    const actions = await run(s);
    expect(actions.map((a) => [a.slug, a.parameters])).toEqual([
      ["search_events", { query: "standup" }],
      ["search_events", { query: "retro" }],
    ]);
  });

  it("turns leaving the editor without any targets (a trace) into a candidate for review, with no invented values", async () => {
    const s = new TestSession(week).navigate(edit);
    s.push({ type: "click", x: 100, y: 200 });
    s.push({ type: "click", x: 300, y: 50 });
    s.navigate(week);
    const actions = await run(s);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ slug: "create_event", parameters: {}, needsReview: true });
    expect(actions[0]?.confidence).toBeLessThan(0.8);
  });
});
