import type { Scenario } from "./scenario-types";

// Held out while developing issue 10's recognisers: recorded with the others, scored only at the end.
const INBOX = "https://mail.google.com/mail/u/0/#inbox";
const WEEK = "https://calendar.google.com/calendar/r/week/2026/11/30";

export const holdoutScenarios: Scenario[] = [
  {
    name: "holdout-gmail-autocomplete-cc-shortcut",
    suite: "gmail",
    holdout: true,
    description: "To picked from suggestions, Cc typed as a chip, sent with Ctrl+Enter from the subject.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: 'input[aria-label="To recipients"]', text: "turi" },
      { do: "click", target: 'div[role="option"][data-hovercard-id="alan@example.org"]' },
      { do: "click", target: "#cc-link" },
      { do: "type", target: 'input[aria-label="Cc recipients"]', text: "margaret@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: 'div[aria-label="Message Body"]', text: "Minutes from today are in the doc." },
      { do: "type", target: 'input[name="subjectbox"]', text: "Minutes" },
      { do: "press", key: "Control+Enter" },
    ],
    toolCalls: [
      {
        tool: "send_email",
        arguments: {
          to: ["alan@example.org"],
          cc: ["margaret@example.com"],
          subject: "Minutes",
          body: "Minutes from today are in the doc.",
        },
      },
    ],
  },
  {
    name: "holdout-calendar-quick-create-end-picked",
    suite: "google-calendar",
    holdout: true,
    description: "Quick create on Friday 11am, end time picked from the list, title with a typo, Save.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "scroll", dy: 150 },
      { do: "click", target: '[role="gridcell"][data-day="Friday, December 4"][data-hour="11"]' },
      { do: "click", target: "#quick-end" },
      { do: "click", target: '#quick-times [role="option"]:text-is("12:30pm")' },
      { do: "type", target: "#quick-title", text: "Vendor call", typo: { at: 4, wrong: "p" } },
      { do: "click", target: "#quick-save" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Vendor call",
          start: "2026-12-04T11:00:00-05:00",
          end: "2026-12-04T12:30:00-05:00",
        },
      },
    ],
  },
  {
    name: "holdout-multi-app-github-then-gmail",
    suite: "gmail",
    holdout: true,
    description:
      "Processed for Gmail: a GitHub repository search first, then a message sent with the button.",
    steps: [
      { do: "goto", url: "https://github.com/" },
      { do: "press", key: "/" },
      { do: "type", target: "#query-builder-test", text: "upload retry" },
      { do: "press", key: "Enter" },
      { do: "pause", ms: 300 },
      { do: "goto", url: INBOX },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: 'input[aria-label="To recipients"]', text: "grace@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[name="subjectbox"]', text: "Retry library" },
      { do: "type", target: 'div[aria-label="Message Body"]', text: "Found two candidates on GitHub." },
      { do: "click", target: 'div[role="button"][aria-label^="Send"]' },
    ],
    toolCalls: [
      {
        tool: "send_email",
        arguments: {
          to: ["grace@example.com"],
          subject: "Retry library",
          body: "Found two candidates on GitHub.",
        },
      },
    ],
  },
  {
    name: "holdout-github-pr-suggested-title-other-repo",
    suite: "github",
    holdout: true,
    description: "Another repository and branch: suggested title kept, body typed, Create pull request.",
    steps: [
      { do: "goto", url: "https://github.com/ada-l/notes/compare/main...docs/reader-mode" },
      { do: "type", target: "#pull_request_body", text: "Documents the reader mode toggle." },
      { do: "click", target: '#new_pull_request button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_pull_request",
        arguments: {
          owner: "ada-l",
          repo: "notes",
          base: "main",
          head: "docs/reader-mode",
          title: "Docs/reader mode",
          body: "Documents the reader mode toggle.",
        },
      },
    ],
  },
];
