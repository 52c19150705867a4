import type { Scenario } from "./scenario-types";

// Gmail scenarios: compose, drafts, search, labels and noise.
const INBOX = "https://mail.google.com/mail/u/0/#inbox";
const TO = 'input[aria-label="To recipients"]';
const CC = 'input[aria-label="Cc recipients"]';
const SUBJECT = 'input[name="subjectbox"]';
const BODY = 'div[aria-label="Message Body"]';
const SEND = 'div[role="button"][aria-label^="Send"]';
const GMAIL_SEARCH = 'input[name="q"][aria-label="Search mail"]';

export const gmailScenarios: Scenario[] = [
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
