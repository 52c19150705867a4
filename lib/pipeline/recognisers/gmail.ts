import {
  OUTCOME_WINDOW_MS,
  type Recogniser,
  type SuiteRecognisers,
  type TargetMatcher,
} from "./recogniser-types";

/**
 * Gmail as the real app marks it up: To/Cc/Bcc are `role="combobox"` inputs labelled "To recipients" (older
 * builds: `textarea name="to"`), the subject is `input name="subjectbox"` (placeholder/aria-label "Subject"), the
 * body a contenteditable `div role="textbox" aria-label="Message Body"`, Send a `div role="button"` whose
 * aria-label starts "Send" ("Send ‪(Ctrl-Enter)‬"), the close icon "Save & close", the bin "Discard draft".
 */
const to: TargetMatcher[] = [
  { ariaLabel: /^(to( recipients)?|recipients)$/i },
  { name: /^to$/i },
  { label: /^to$/i },
  { placeholder: /^(to|recipients)$/i },
];
const cc: TargetMatcher[] = [{ ariaLabel: /^cc( recipients)?$/i }, { name: /^cc$/i }, { label: /^cc$/i }];
const bcc: TargetMatcher[] = [{ ariaLabel: /^bcc( recipients)?$/i }, { name: /^bcc$/i }, { label: /^bcc$/i }];
const subject: TargetMatcher[] = [
  { name: /^subject(box)?$/i },
  { ariaLabel: /^subject$/i },
  { placeholder: /^subject$/i },
  { label: /^subject$/i },
];
const body: TargetMatcher[] = [
  { ariaLabel: /^message body$/i },
  { name: /^body$/i },
  { label: /^(message )?body$/i },
  { role: /^textbox$/, ariaLabel: /body/i },
];
const composeFields = [...to, ...cc, ...bcc, ...subject, ...body];

const search: TargetMatcher[] = [
  { ariaLabel: /^search (in )?mail/i },
  { placeholder: /^search (in )?mail/i },
  { name: /^q$/, tag: /^input$/ },
];
const button = { role: /^button$/ } as const;
const buttonTag = { tag: /^button$/ } as const;

const composeEmail: Recogniser = {
  action: "compose_email",
  page: {},
  params: {
    to: { from: "field", fields: to, emails: true },
    cc: { from: "field", fields: cc, emails: true },
    bcc: { from: "field", fields: bcc, emails: true },
    subject: { from: "field", fields: subject },
    body: { from: "field", fields: body },
  },
  commit: [
    { on: "click", target: [{ ariaLabel: /^send\b(?!\s*(feedback|now|later))/i }, { text: /^send$/i }] },
    { on: "press", key: "Enter", command: true, target: composeFields },
    // Gmail's notice after any send (button, Ctrl/⌘+Enter): "Message sent  Undo  View message".
    { on: "appear", target: [{ text: /^(message sent|sending)\b/i }], strength: 0.9 },
  ],
  cancel: [{ on: "click", target: [{ ariaLabel: /^discard( draft)?\b/i }, { text: /^discard( draft)?$/i }] }],
  strength: 0.95,
  minFieldParams: 1,
};

/** Closing the compose window (the X is "Save & close", Escape does the same) leaves a draft. */
const saveDraft: Recogniser = {
  action: "save_draft",
  page: {},
  params: {
    to: { from: "field", fields: to, emails: true },
    subject: { from: "field", fields: subject },
    body: { from: "field", fields: body },
  },
  commit: [
    {
      on: "click",
      target: [{ ariaLabel: /^(save (&|and) close|close)$/i }, { text: /^(save (&|and) close)$/i }],
    },
    { on: "press", key: "Escape", target: composeFields, strength: 0.9 },
  ],
  strength: 0.9,
  minFieldParams: 1,
};

const searchMail: Recogniser = {
  action: "search_mail",
  page: {},
  params: {
    query: { from: "field", fields: search },
  },
  commit: [
    { on: "press", key: "Enter", target: search },
    { on: "field-left", target: search, strength: 0.85 },
    {
      on: "click",
      target: [
        { ...button, ariaLabel: /^search (in )?mail/i },
        { ...buttonTag, ariaLabel: /^search/i },
      ],
    },
    { on: "submit", target: [{ any: /search/i }] },
  ],
  strength: 0.95,
  minFieldParams: 1,
};

/** A search leaves its query in the address (`#search/from%3Aalice`): this also covers trace-only sessions. */
const searchMailByUrl: Recogniser = {
  action: "search_mail",
  page: {},
  params: { query: { from: "url", pattern: /#search\/([^/?]+)/, group: 1, url: "destination" } },
  commit: [{ on: "navigate", from: /^(?!.*#search\/)/, to: /#search\/[^/?]+/, strength: 0.9 }],
  strength: 0.9,
};

/** "New label" dialog: "Please enter a new label name:" above a text input, then Create or Cancel. */
const labelName: TargetMatcher[] = [
  { ariaLabel: /label name/i },
  { label: /label name/i },
  { placeholder: /label name/i },
  { name: /^(label|label_?name|new_?label)$/i },
];
const createLabel: Recogniser = {
  action: "create_label",
  page: {},
  params: { name: { from: "field", fields: labelName } },
  commit: [
    { on: "click", target: [{ text: /^create$/i }, { ariaLabel: /^create$/i }] },
    { on: "press", key: "Enter", target: labelName, strength: 0.9 },
    { on: "appear", target: [{ text: /^label\b.*\bcreated\b/i }], strength: 0.9 },
  ],
  cancel: [{ on: "click", target: [{ text: /^cancel$/i }, { ariaLabel: /^(cancel|close)$/i }] }],
  strength: 0.95,
  minFieldParams: 1,
};

/**
 * Trace-only candidate: the compose window (`?compose=…` in the address) closed. Gmail answers Send with a
 * "Message sent" notice and Discard with "Draft discarded", and closes silently on the X ("Save & close") or
 * Escape, keeping the draft. So a close with nothing painted after it is a saved draft; one with a painted
 * outcome is a send (or a discard, which a trace cannot tell apart: left to the reviewer).
 */
const composeByNavigation: Recogniser = {
  action: "save_draft",
  page: {},
  params: {},
  commit: [{ on: "navigate", from: /[?&]compose=/, to: /^(?!.*[?&]compose=)/, strength: 0.4 }],
  strength: 0.4,
  onlyWithoutTargets: true,
  whenPainted: { action: "compose_email", withinMs: OUTCOME_WINDOW_MS },
};

/**
 * Trace-only candidate: on a mailbox page (not in a compose window, not in a message, where a reply would be),
 * a small form typed into closed and new content was painted without a navigation: in Gmail's catalog that is
 * the "New label" dialog answered by "Label created" and the label in the side list. Searches navigate
 * (`#search/…`) and are not this.
 */
const createLabelByOutcome: Recogniser = {
  action: "create_label",
  page: { pageKinds: ["mailbox"] },
  params: {},
  commit: [{ on: "painted", strength: 0.4 }],
  strength: 0.4,
  onlyWithoutTargets: true,
};

export const gmailRecognisers: SuiteRecognisers = {
  suite: "gmail",
  detect: {
    hosts: [/^mail\.google\.com$/],
    // "Inbox (3) - ada@example.com - Gmail", "Search results - … - Gmail".
    titles: [/\s[-–]\s*Gmail$/, /^Gmail$/],
    paths: [/^\/mail\/(u\/\d+\/)?(\?|#|$)/],
  },
  pageKinds: [
    { kind: "search", path: /#search\// },
    { kind: "compose", path: /[?&]compose=/ },
    { kind: "settings", path: /#settings/ },
    { kind: "message", path: /#[a-z-]+\/[A-Za-z0-9]{16,}/ },
    { kind: "mailbox", path: /^\/mail\// },
  ],
  recognisers: [
    composeEmail,
    saveDraft,
    searchMail,
    searchMailByUrl,
    createLabel,
    composeByNavigation,
    createLabelByOutcome,
  ],
};
