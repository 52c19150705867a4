import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";

const catalog = getBundledCatalog();
const run = (session: TestSession, suite: string) => runPipeline({ events: session.events, suite, catalog });

describe("gold: Gmail", () => {
  it("turns a compose + Send into compose_email with chips, subject and body", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose)
      .click(gm.to)
      .type(gm.to, "alice@example.com")
      .commitChip(gm.to)
      .type(gm.to, "bob@example.com,");
    s.click(gm.subject)
      .type(gm.subject, "Lunch tomorow\b\b\b\b\b\b\btomorrow?")
      .click(gm.body)
      .type(gm.body, "Noon at the usual place.")
      .click(gm.send);
    const { actions } = await run(s, "gmail");
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      slug: "compose_email",
      parameters: {
        to: ["alice@example.com", "bob@example.com"],
        subject: "Lunch tomorrow?",
        body: "Noon at the usual place.",
      },
      needsReview: false,
    });
  });
});

describe("gold: windows of other apps", () => {
  const gmailSearch = (s: TestSession) =>
    s.click(gm.search).type(gm.search, "invoice").press(gm.search, "Enter");

  it("classifies each window to its suite and recognises actions only in windows of the mapped suite", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    gmailSearch(s);
    s.navigate("https://calendar.google.com/calendar/r/week", "Google Calendar - Week of November 30, 2026");
    s.click({ tag: "input", ariaLabel: "Search" })
      .type({ tag: "input", ariaLabel: "Search" }, "standup")
      .press({ tag: "input", ariaLabel: "Search" }, "Enter");
    const forCalendar = await run(s, "google-calendar");
    expect(forCalendar.actions.map((a) => [a.slug, a.parameters])).toEqual([
      ["search_events", { query: "standup" }],
    ]);
    expect(new Set(forCalendar.windows.map((w) => w.suite))).toEqual(new Set(["gmail", "google-calendar"]));
    expect(forCalendar.metrics.detectedSuites?.map((d) => d.suite).sort()).toEqual([
      "gmail",
      "google-calendar",
    ]);
    const forGmail = await run(s, "gmail");
    expect(forGmail.actions.map((a) => [a.slug, a.parameters])).toEqual([
      ["search_mail", { query: "invoice" }],
    ]);
  });

  it("still recognises windows no suite claims (an imitation served on localhost)", async () => {
    const s = new TestSession("http://localhost:4000/mail/u/0/#inbox", { title: "Mail" });
    gmailSearch(s);
    const { actions, windows } = await run(s, "gmail");
    expect(actions.map((a) => a.slug)).toEqual(["search_mail"]);
    expect(windows[0]?.suite).toBe("gmail");
    const other = await run(
      new TestSession("http://localhost:4000/app", { title: "Mail" }).click(gm.search),
      "github",
    );
    expect(other.windows[0]?.suite).toBeUndefined();
  });
});

describe("gold: review reasons", () => {
  it("sends a form missing a required value to review with missing_required_argument", async () => {
    const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
      title: "Inbox - me@example.com - Gmail",
    });
    s.click(gm.compose).click(gm.subject).type(gm.subject, "No body yet").click(gm.send);
    const { actions } = await run(s, "gmail");
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ needsReview: true, reviewReasons: ["missing_required_argument"] });
  });

  it("makes every action of a session without targets or values (a Chrome trace) a trace_only review item", async () => {
    const s = new TestSession("https://github.com/octo-org/widgets/issues/new", {
      title: "New Issue · octo-org/widgets · GitHub",
    });
    s.navigate("https://github.com/octo-org/widgets/issues/42");
    const { actions } = await run(s, "github");
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      slug: "create_issue",
      parameters: { owner: "octo-org", repo: "widgets" },
      needsReview: true,
      reviewReasons: ["trace_only", "missing_required_argument"],
    });
  });
});
