/**
 * The fixture corpus: what a person does in each scenario (steps a Playwright script replays with human-like typing)
 * and the MCP tool calls that session must produce. Tool names and argument names follow db/catalog.json
 * (`action_tool_maps`); calendar times are RFC 3339 in the recording's time zone.
 */

export const CORPUS_TIMEZONE = "America/New_York";

export type Step =
  | { do: "goto"; url: string }
  | { do: "click"; target: string }
  /** Clicks the field, optionally selects its content (so typing replaces it), then types like a person. */
  | { do: "type"; target: string; text: string; clear?: boolean; typo?: { at: number; wrong: string } }
  | { do: "press"; key: string }
  | { do: "scroll"; dy: number }
  | { do: "pause"; ms: number };

export type ExpectedToolCall = { tool: string; arguments: Record<string, unknown> };

export type Scenario = {
  name: string;
  suite: "gmail" | "google-calendar" | "github";
  description: string;
  steps: Step[];
  toolCalls: ExpectedToolCall[];
  /** IANA zone the browser runs in (default CORPUS_TIMEZONE). */
  timezone?: string;
  /** Page variants for this scenario, e.g. GitHub's React issue form instead of the classic one. */
  pages?: Record<string, string>;
};

const INBOX = "https://mail.google.com/mail/u/0/#inbox";
const WEEK = "https://calendar.google.com/calendar/r/week/2026/11/30";
const TO = 'input[aria-label="To recipients"]';
const CC = 'input[aria-label="Cc recipients"]';
const SUBJECT = 'input[name="subjectbox"]';
const BODY = 'div[aria-label="Message Body"]';
const SEND = 'div[role="button"][aria-label^="Send"]';
const GMAIL_SEARCH = 'input[name="q"][aria-label="Search mail"]';

const gmail: Scenario[] = [
  {
    name: "gmail-compose-send",
    suite: "gmail",
    description:
      "Compose to two recipient chips and one Cc, subject typo fixed with Backspace, two-line body, Send.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: TO, text: "alice@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: TO, text: "bob@example.org" },
      { do: "press", key: "Enter" },
      { do: "click", target: "#cc-link" },
      { do: "type", target: CC, text: "carol@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: SUBJECT, text: "Quarterly review agenda", typo: { at: 7, wrong: "ey" } },
      { do: "type", target: BODY, text: "Hi both,\nHere is the agenda for Thursday." },
      { do: "click", target: SEND },
    ],
    toolCalls: [
      {
        tool: "send_email",
        arguments: {
          to: ["alice@example.com", "bob@example.org"],
          cc: ["carol@example.com"],
          subject: "Quarterly review agenda",
          body: "Hi both,\nHere is the agenda for Thursday.",
        },
      },
    ],
  },
  {
    name: "gmail-save-draft",
    suite: "gmail",
    description:
      "Compose; the To chip is made on blur (clicking Subject); closed with Save & close, leaving a draft.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: TO, text: "dave@example.com" },
      { do: "type", target: SUBJECT, text: "Offsite ideas" },
      { do: "type", target: BODY, text: "Some early thoughts on the offsite venue." },
      { do: "click", target: 'img[aria-label="Save & close"]' },
    ],
    toolCalls: [
      {
        tool: "draft_email",
        arguments: {
          to: ["dave@example.com"],
          subject: "Offsite ideas",
          body: "Some early thoughts on the offsite venue.",
        },
      },
    ],
  },
  {
    name: "gmail-search-mail",
    suite: "gmail",
    description: "Scroll the inbox, then search with an operator query and Enter.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "scroll", dy: 500 },
      { do: "scroll", dy: -500 },
      { do: "type", target: GMAIL_SEARCH, text: "from:billing@example.net invoice" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "search_emails", arguments: { query: "from:billing@example.net invoice" } }],
  },
  {
    name: "gmail-create-label",
    suite: "gmail",
    description: "Create a label from the + next to Labels; typo fixed in the dialog; Create.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: '[aria-label="Create new label"]' },
      { do: "type", target: "#label-name-input", text: "Receipts 2026", typo: { at: 4, wrong: "ie" } },
      { do: "click", target: 'button[name="ok"]' },
    ],
    toolCalls: [{ tool: "create_label", arguments: { name: "Receipts 2026" } }],
  },
  {
    name: "gmail-noise-cancelled",
    suite: "gmail",
    description: "Label dialog cancelled, a compose discarded, scrolling: no action.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "scroll", dy: 600 },
      { do: "click", target: '[aria-label="Create new label"]' },
      { do: "type", target: "#label-name-input", text: "Temp" },
      { do: "click", target: 'button[name="cancel"]' },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: TO, text: "erin@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: SUBJECT, text: "never mind" },
      { do: "click", target: 'div[aria-label^="Discard draft"]' },
      { do: "scroll", dy: -600 },
    ],
    toolCalls: [],
  },
  {
    name: "gmail-search-then-send",
    suite: "gmail",
    description: "Search, then reply-style compose sent with Ctrl+Enter.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "type", target: GMAIL_SEARCH, text: "quarterly review" },
      { do: "press", key: "Enter" },
      { do: "click", target: '[gh="cm"]' },
      { do: "type", target: TO, text: "alan@example.org" },
      { do: "press", key: "Enter" },
      { do: "type", target: SUBJECT, text: "Re: quarterly review" },
      { do: "type", target: BODY, text: "Thursday at 10 works for me." },
      { do: "press", key: "Control+Enter" },
    ],
    toolCalls: [
      { tool: "search_emails", arguments: { query: "quarterly review" } },
      {
        tool: "send_email",
        arguments: {
          to: ["alan@example.org"],
          subject: "Re: quarterly review",
          body: "Thursday at 10 works for me.",
        },
      },
    ],
  },
  {
    name: "gmail-read-only",
    suite: "gmail",
    description: "Open a message, scroll, go back to the inbox: no action.",
    steps: [
      { do: "goto", url: INBOX },
      { do: "click", target: 'tr.zA[data-thread="18c1"]' },
      { do: "scroll", dy: 700 },
      { do: "scroll", dy: -700 },
      { do: "click", target: 'a[aria-label="Inbox 3 unread"]' },
    ],
    toolCalls: [],
  },
];

const calendar: Scenario[] = [
  {
    name: "calendar-create-event",
    suite: "google-calendar",
    description:
      "Create from the week view; every field of the event editor; title typo fixed; two guests; Save.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: "#create" },
      {
        do: "type",
        target: 'input[aria-label="Title"]',
        text: "Design review",
        typo: { at: 10, wrong: "ei" },
      },
      { do: "type", target: 'input[aria-label="Start date"]', text: "Dec 2, 2026", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="Start time"]', text: "2:30pm", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="End time"]', text: "3:30pm", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="Add location"]', text: "Room 4B" },
      { do: "type", target: 'div[aria-label="Description"]', text: "Walk through the new onboarding flow." },
      { do: "type", target: 'input[aria-label="Guests"]', text: "grace@example.com" },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="Guests"]', text: "alan@example.org" },
      { do: "press", key: "Enter" },
      { do: "click", target: "#save" },
    ],
    toolCalls: [
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "Design review",
          start: "2026-12-02T14:30:00-05:00",
          end: "2026-12-02T15:30:00-05:00",
          location: "Room 4B",
          description: "Walk through the new onboarding flow.",
          attendees: [{ email: "grace@example.com" }, { email: "alan@example.org" }],
        },
      },
    ],
  },
  {
    name: "calendar-search-events",
    suite: "google-calendar",
    description: "Open the header search and search for an event.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: "#search-open" },
      { do: "type", target: "#search-input", text: "standup" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "search-events", arguments: { calendarId: "primary", query: "standup" } }],
  },
  {
    name: "calendar-cancelled",
    suite: "google-calendar",
    description:
      "Quick-event dialog typed into then dismissed with Escape; event editor opened and closed: no action.",
    steps: [
      { do: "goto", url: WEEK },
      { do: "scroll", dy: 300 },
      { do: "click", target: '[role="gridcell"][data-day="Wednesday, December 2"][data-hour="10"]' },
      { do: "type", target: "#quick-title", text: "Lunch with Grace" },
      { do: "press", key: "Escape" },
      { do: "click", target: "#create" },
      { do: "type", target: 'input[aria-label="Title"]', text: "Placeholder" },
      { do: "click", target: "#close" },
    ],
    toolCalls: [],
  },
  {
    name: "calendar-search-then-create",
    suite: "google-calendar",
    description: "Recorded in Berlin: search, then create a short event with only title, date and times.",
    timezone: "Europe/Berlin",
    steps: [
      { do: "goto", url: WEEK },
      { do: "click", target: "#search-open" },
      { do: "type", target: "#search-input", text: "1:1 with Alan" },
      { do: "press", key: "Enter" },
      { do: "click", target: "#create" },
      { do: "type", target: 'input[aria-label="Title"]', text: "1:1 with Alan" },
      { do: "type", target: 'input[aria-label="Start date"]', text: "Dec 4, 2026", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="Start time"]', text: "9:00am", clear: true },
      { do: "press", key: "Enter" },
      { do: "type", target: 'input[aria-label="End time"]', text: "9:30am", clear: true },
      { do: "press", key: "Enter" },
      { do: "click", target: "#save" },
    ],
    toolCalls: [
      { tool: "search-events", arguments: { calendarId: "primary", query: "1:1 with Alan" } },
      {
        tool: "create-event",
        arguments: {
          calendarId: "primary",
          summary: "1:1 with Alan",
          start: "2026-12-04T09:00:00+01:00",
          end: "2026-12-04T09:30:00+01:00",
        },
      },
    ],
  },
];

const REPO = "https://github.com/octo-org/widgets";
const github: Scenario[] = [
  {
    name: "github-create-issue",
    suite: "github",
    description:
      "New issue with a typo fixed in the title, a two-paragraph body and two labels from the picker.",
    steps: [
      { do: "goto", url: `${REPO}/issues/new` },
      {
        do: "type",
        target: 'input[name="issue[title]"]',
        text: "Login test is flaky on CI",
        typo: { at: 11, wrong: "si" },
      },
      {
        do: "type",
        target: 'textarea[name="issue[body]"]',
        text: "The login test fails about one run in ten.\n\nSeen on main.",
      },
      { do: "click", target: "#labels-button" },
      { do: "click", target: '[role="menuitemcheckbox"][data-label="bug"]' },
      { do: "type", target: "#label-filter", text: "good" },
      { do: "click", target: '[role="menuitemcheckbox"][data-label="good first issue"]' },
      { do: "press", key: "Escape" },
      { do: "click", target: 'button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "issue_write",
        arguments: {
          method: "create",
          owner: "octo-org",
          repo: "widgets",
          title: "Login test is flaky on CI",
          body: "The login test fails about one run in ten.\n\nSeen on main.",
          labels: ["bug", "good first issue"],
        },
      },
    ],
  },
  {
    name: "github-create-issue-react",
    suite: "github",
    description:
      "GitHub's React issue form (aria-label 'Add a title', button 'Create'), label chosen by keyboard filter.",
    pages: { "github-issue-new.html": "github-issue-new-react.html" },
    steps: [
      { do: "goto", url: "https://github.com/ada-l/notes/issues/new" },
      { do: "type", target: 'input[aria-label="Add a title"]', text: "Dark mode for the reader view" },
      {
        do: "type",
        target: 'textarea[aria-label="Markdown value"]',
        text: "The reader view is too bright at night.",
      },
      { do: "click", target: 'button[aria-label="Edit Labels"]' },
      { do: "type", target: 'input[aria-label="Filter labels"]', text: "enh" },
      { do: "click", target: '[role="option"][data-name="enhancement"]' },
      { do: "press", key: "Escape" },
      { do: "click", target: 'button[data-testid="create-issue-button"]' },
    ],
    toolCalls: [
      {
        tool: "issue_write",
        arguments: {
          method: "create",
          owner: "ada-l",
          repo: "notes",
          title: "Dark mode for the reader view",
          body: "The reader view is too bright at night.",
          labels: ["enhancement"],
        },
      },
    ],
  },
  {
    name: "github-comment-on-issue",
    suite: "github",
    description: "Scroll an issue and add a comment.",
    steps: [
      { do: "goto", url: `${REPO}/issues/17` },
      { do: "scroll", dy: 400 },
      {
        do: "type",
        target: 'textarea[name="comment[body]"]',
        text: "I can reproduce this on main. Looking into it.",
      },
      { do: "click", target: '#new_comment_form button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "add_issue_comment",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          issue_number: 17,
          body: "I can reproduce this on main. Looking into it.",
        },
      },
    ],
  },
  {
    name: "github-create-repository",
    suite: "github",
    description:
      "New private repository with a description; visibility chosen by clicking the Private label.",
    steps: [
      { do: "goto", url: "https://github.com/new" },
      { do: "type", target: "#repository_name", text: "tracepipe-demo" },
      { do: "type", target: "#repository_description", text: "Demo data for Tracepipe" },
      { do: "click", target: 'label[for="repository_visibility_private"]' },
      { do: "click", target: '#new_repository button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_repository",
        arguments: { name: "tracepipe-demo", description: "Demo data for Tracepipe", private: true },
      },
    ],
  },
  {
    name: "github-create-pull-request",
    suite: "github",
    description: "Compare view with a slash in the head branch; the prefilled title is replaced; body typed.",
    steps: [
      { do: "goto", url: `${REPO}/compare/main...feature/upload-retry` },
      { do: "type", target: "#pull_request_title", text: "Retry failed uploads up to 5 times", clear: true },
      { do: "type", target: "#pull_request_body", text: "Closes #12." },
      { do: "click", target: '#new_pull_request button[type="submit"]' },
    ],
    toolCalls: [
      {
        tool: "create_pull_request",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          base: "main",
          head: "feature/upload-retry",
          title: "Retry failed uploads up to 5 times",
          body: "Closes #12.",
        },
      },
    ],
  },
  {
    name: "github-search-repositories",
    suite: "github",
    description: "Open the header search with the / shortcut and search repositories.",
    steps: [
      { do: "goto", url: "https://github.com/" },
      { do: "press", key: "/" },
      { do: "type", target: "#query-builder-test", text: "rrweb recorder" },
      { do: "press", key: "Enter" },
    ],
    toolCalls: [{ tool: "search_repositories", arguments: { query: "rrweb recorder" } }],
  },
  {
    name: "github-issue-abandoned",
    suite: "github",
    description: "A new issue typed and then cancelled: no action.",
    steps: [
      { do: "goto", url: `${REPO}/issues/new` },
      { do: "type", target: 'input[name="issue[title]"]', text: "Something about uploads" },
      { do: "type", target: 'textarea[name="issue[body]"]', text: "not sure yet" },
      { do: "click", target: "#cancel" },
    ],
    toolCalls: [],
  },
  {
    name: "github-search-then-comment",
    suite: "github",
    description: "Search from a repository page, then comment on another issue reached by address.",
    steps: [
      { do: "goto", url: REPO },
      { do: "click", target: "#search-open" },
      { do: "type", target: "#query-builder-test", text: "uploader retry" },
      { do: "press", key: "Enter" },
      { do: "pause", ms: 400 },
      { do: "goto", url: `${REPO}/issues/12` },
      { do: "type", target: 'textarea[name="comment[body]"]', text: "Retry logic landed in #58." },
      { do: "click", target: '#new_comment_form button[type="submit"]' },
    ],
    toolCalls: [
      { tool: "search_repositories", arguments: { query: "uploader retry" } },
      {
        tool: "add_issue_comment",
        arguments: {
          owner: "octo-org",
          repo: "widgets",
          issue_number: 12,
          body: "Retry logic landed in #58.",
        },
      },
    ],
  },
  {
    name: "github-browse-noise",
    suite: "github",
    description: "Browse home, a repository, its issues and one issue, scrolling: no action.",
    steps: [
      { do: "goto", url: "https://github.com/" },
      { do: "click", target: 'a[href="/octo-org/widgets"]' },
      { do: "scroll", dy: 500 },
      { do: "click", target: 'a[data-nav="issues"]' },
      { do: "click", target: 'a[data-nav="issues/17"]' },
      { do: "scroll", dy: 600 },
    ],
    toolCalls: [],
  },
];

export const scenarios: Scenario[] = [...gmail, ...calendar, ...github];
