import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import type { EventTarget } from "@/schemas/events";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";
import { parseShownDate } from "./shown-datetime";

/** Actions confirmed by what the page showed (`appear` / `disappear` events), values the page filled in. */
const catalog = getBundledCatalog();
const run = async (s: TestSession, suite: string) =>
  (await runPipeline({ events: s.events, suite, catalog, timezone: "America/New_York" })).actions;
const appear = (s: TestSession, target: EventTarget, value?: string) =>
  s.push({ type: "appear", target, ...(value !== undefined ? { value } : {}) });

describe("outcome-confirmed actions", () => {
  it("sends a compose confirmed only by Gmail's notice (Ctrl+Enter in a recording without keys)", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose).type(gm.to, "kim@example.com").blur(gm.to);
    s.type(gm.subject, "Notes").type(gm.body, "See attached.");
    s.push({ type: "disappear", target: { role: "dialog", ariaLabel: "New Message" } });
    appear(s, { role: "alert", text: "Message sent Undo View message" });
    const actions = await run(s, "gmail");
    expect(actions.map((a) => [a.slug, a.parameters, a.needsReview])).toEqual([
      ["compose_email", { to: ["kim@example.com"], subject: "Notes", body: "See attached." }, false],
    ]);
  });

  it("counts the click and the notice after it as one send", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose).type(gm.to, "kim@example.com").blur(gm.to);
    s.type(gm.subject, "Notes").type(gm.body, "See attached.").click(gm.send);
    appear(s, { role: "alert", text: "Message sent" });
    expect((await run(s, "gmail")).map((a) => a.slug)).toEqual(["compose_email"]);
  });

  it("takes a notice after a Ctrl+Enter send as confirmation, even when a late change event refilled a field", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose).type(gm.to, "kim@example.com").blur(gm.to);
    s.type(gm.body, "See attached.").type(gm.subject, "Notes").press(gm.subject, "Enter", ["Control"]);
    s.push({ type: "change", target: gm.subject, value: "Notes" });
    appear(s, { role: "alert", text: "Message sent" });
    expect((await run(s, "gmail")).map((a) => [a.slug, a.needsReview])).toEqual([["compose_email", false]]);
  });

  it("reads a pull request title the page suggested and the person kept", async () => {
    const s = new TestSession("https://github.com/octo/app/compare/main...fix/retry", {
      title: "Comparing · GitHub",
    });
    appear(s, { tag: "input", name: "pull_request[title]", ariaLabel: "Title" }, "Fix/retry");
    s.type({ tag: "textarea", name: "pull_request[body]" }, "Closes #3.");
    s.click({ tag: "button", text: "Create pull request" });
    const actions = await run(s, "github");
    expect(actions[0]?.parameters).toMatchObject({
      title: "Fix/retry",
      body: "Closes #3.",
      head: "fix/retry",
    });
    expect(actions[0]?.needsReview).toBe(false);
  });

  it("creates a quick event from a grid slot: the dialog's shown date and times, a typed title, Enter", async () => {
    const s = new TestSession("https://calendar.google.com/calendar/r/week/2025/12/1", {
      title: "Google Calendar - Week of December 1, 2025",
    });
    s.click({ role: "gridcell" });
    appear(s, { role: "dialog", ariaLabel: "Event details" });
    appear(s, { tag: "button", ariaLabel: "Start date" }, "Wednesday, December 3");
    appear(s, { tag: "button", ariaLabel: "Start time" }, "2:00pm");
    appear(s, { tag: "button", ariaLabel: "End time" }, "3:00pm");
    const title = { tag: "input", ariaLabel: "Add title and time", placeholder: "Add title and time" };
    s.type(title, "Budget sync").press(title, "Enter");
    const actions = await run(s, "google-calendar");
    expect(actions.map((a) => [a.slug, a.parameters])).toEqual([
      ["create_event", { title: "Budget sync", start: "2025-12-03T14:00:00", end: "2025-12-03T15:00:00" }],
    ]);
  });

  it("dates a shown weekday and day without a year in the year where they agree, even just behind the recording", () => {
    const recordedOn = new Date(Date.UTC(2026, 11, 5, 15));
    // A Thursday in 2026 (the week on screen), a Friday in 2027.
    expect(parseShownDate("Thursday, December 3", recordedOn)).toEqual({ year: 2026, month: 12, day: 3 });
    expect(parseShownDate("Friday, December 3", recordedOn)).toEqual({ year: 2027, month: 12, day: 3 });
    expect(parseShownDate("Dec 2, 2026", recordedOn)).toEqual({ year: 2026, month: 12, day: 2 });
  });
});
