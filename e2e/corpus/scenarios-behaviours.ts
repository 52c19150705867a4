import type { Scenario } from "./scenario-types";

// Behaviours of issue 10: actions finished without their usual click (shortcuts, Enter in a dialog, quick
// create), values the page suggested and the person kept, picks from menus and suggestion lists, sessions that
// cross apps, and a date in the other half of the year (daylight saving time).
const INBOX = "https://mail.google.com/mail/u/0/#inbox";
const WEEK = "https://calendar.google.com/calendar/r/week/2026/11/30";
const REPO = "https://github.com/octo-org/widgets";
const TO = 'input[aria-label="To recipients"]';
const SUBJECT = 'input[name="subjectbox"]';
const BODY = 'div[aria-label="Message Body"]';
const GMAIL_SEARCH = 'input[name="q"][aria-label="Search mail"]';
const slot = (day: string, hour: number) => `[role="gridcell"][data-day="${day}"][data-hour="${hour}"]`;
const timeOption = (time: string) => `#quick-times [role="option"]:text-is("${time}")`;
const contact = (email: string) => `div[role="option"][data-hovercard-id="${email}"]`;

export const behaviourScenarios: Scenario[] = [
  {
    name: "gmail-autocomplete-shortcut-send",
    suite: "gmail",
    description:
      "Recipients picked from the To suggestions after typing part of a name; subject typo fixed; sent with Ctrl+Enter from the body.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: TO, text: "gra" },
      { do: "click", target: contact("grace@example.com") },
      { do: "type", target: TO, text: "kath" },
      { do: "click", target: contact("katherine@example.net") },
      { do: "type", target: SUBJECT, text: "Launch checklist", typo: { at: 3, wrong: "c" } },
      { do: "type", target: BODY, text: "Draft attached, comments by Friday please." },
      { do: "press", key: "Control+Enter" },
    ],
    toolCalls: [
      {
        tool: "send_email",
        arguments: {
          to: ["grace@example.com", "katherine@example.net"],
          subject: "Launch checklist",
          body: "Draft attached, comments by Friday please.",
        },
      },
    ],
  },
  {
    name: "gmail-label-enter",
    suite: "gmail",
    description: "New label dialog confirmed with Enter instead of Create.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "scroll", dy: 300 },
      { do: "click", target: '[aria-label="Create new label"]' },
      { do: "type", target: "#label-name-input", text: "Travel/2027" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "create_label", arguments: { name: "Travel/2027" } }],
  },
  {
    name: "calendar-quick-create-save",
    suite: "google-calendar",
    description:
      "A click on a grid slot, a title in the small dialog, Save: date and times as the dialog shows them.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: slot("Thursday, December 3", 14) },
      { do: "type", target: "#quick-title", text: "Budget sync" },
      { do: "click", target: "#quick-save" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Budget sync",
          start: "2026-12-03T14:00:00-05:00",
          end: "2026-12-03T15:00:00-05:00",
        },
      },
    ],
  },
  {
    name: "calendar-quick-create-times-enter",
    suite: "google-calendar",
    description:
      "Quick create: start and end times picked from the lists, title typed with a typo, saved with Enter.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: slot("Tuesday, December 1", 9) },
      { do: "click", target: "#quick-start" },
      { do: "click", target: timeOption("9:30am") },
      { do: "click", target: "#quick-end" },
      { do: "click", target: timeOption("10:30am") },
      { do: "type", target: "#quick-title", text: "Hiring panel prep", typo: { at: 6, wrong: "g" } },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Hiring panel prep",
          start: "2026-12-01T09:30:00-05:00",
          end: "2026-12-01T10:30:00-05:00",
        },
      },
    ],
  },
  {
    name: "calendar-quick-create-abandoned-then-saved",
    suite: "google-calendar",
    description:
      "A quick-create dialog typed into and dismissed with Escape, then another slot, title, Enter.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: slot("Monday, November 30", 12) },
      { do: "type", target: "#quick-title", text: "Lunch" },
      { do: "press", key: "Escape" },
      { do: "scroll", dy: 200 },
      { do: "click", target: slot("Wednesday, December 2", 13) },
      { do: "type", target: "#quick-title", text: "Lunch with Grace" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Lunch with Grace",
          start: "2026-12-02T13:00:00-05:00",
          end: "2026-12-02T14:00:00-05:00",
        },
      },
    ],
  },
  {
    name: "calendar-event-summer-dst",
    suite: "google-calendar",
    description:
      "Recorded in Los Angeles in winter: an event in June, when the zone is on daylight saving time.",
    timezone: "America/Los_Angeles",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: "#create" },
      { do: "type", target: 'input[aria-label="Title"]', text: "Team offsite" },
      { do: "type", target: 'input[aria-label="Start date"]', text: "Jun 3, 2027", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="Start time"]', text: "10:00am", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="End time"]', text: "4:00pm", clear: true },
      { do: "press", key: "Enter" },
      { do: "click", target: "#save" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Team offsite",
          start: "2027-06-03T10:00:00-07:00",
          end: "2027-06-03T16:00:00-07:00",
        },
      },
    ],
  },
  {
    name: "github-pr-suggested-title",
    suite: "github",
    description: "Compare view: the title GitHub suggests from the branch is kept; only the body is typed.",
    steps: [
      { do: "goto", url: `${REPO}/compare/main...fix/upload-timeout` },
      { do: "scroll", dy: 200 },
      { do: "type", target: "#pull_request_body", text: "Raises the upload timeout to 60 s." },
      { do: "click", target: '#new_pull_request button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_pull_request",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          base: "main",
          head: "fix/upload-timeout",
          title: "Fix/upload timeout",
          body: "Raises the upload timeout to 60 s.",
        },
      },
    ],
  },
  {
    name: "multi-app-gmail-then-calendar",
    suite: "google-calendar",
    description:
      "Processed for Calendar: a Gmail search first (not a Calendar action), then the same words searched in Calendar.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "type", target: GMAIL_SEARCH, text: "offsite" },
      { do: "press", key: "Enter" },
      { do: "pause", ms: 300 },
      { do: "goto", url: WEEK },
      { do: "click", target: "#search-open" },
      { do: "type", target: "#search-input", text: "offsite" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "search-events", arguments: { calendarId: "primary", query: "offsite" } }],
  },
  {
    name: "multi-app-calendar-then-github",
    suite: "github",
    description:
      "Processed for GitHub: an event quick-created in Calendar (not a GitHub action), then a comment on an issue.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: slot("Friday, December 4", 10) },
      { do: "type", target: "#quick-title", text: "Release review" },
      { do: "click", target: "#quick-save" },
      { do: "pause", ms: 300 },
      { do: "goto", url: `${REPO}/issues/17` },
      { do: "type", target: 'textarea[name="comment[body]"]', text: "Release review is on Friday at 10." },
      { do: "click", target: '#new_comment_form button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "add_issue_comment",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          issue_number: 17,
          body: "Release review is on Friday at 10.",
        },
      },
    ],
  },
];
