import type { Recogniser, SuiteRecognisers, TargetMatcher } from "./recogniser-types";

/**
 * Google Calendar's event editor (`/r/eventedit`) labels its inputs "Title" (placeholder "Add title"),
 * "Start date" ("Tuesday, December 2" or "Dec 2, 2025"), "Start time" ("10:00am"), "End time", "End date",
 * "Add location", "Description", "Guests" ("Add guests"); the quick-create dialog shows the date and a
 * "10:00am – 11:00am" range as clickable text. Save is a button "Save"; the X is "Close"; Escape cancels.
 */
const title: TargetMatcher[] = [
  { ariaLabel: /^(add )?title( and time)?$/i },
  { placeholder: /^add title/i },
  { label: /^(event )?title$/i },
  { name: /^(title|summary|text)$/i },
];
const quickTitle: TargetMatcher[] = [
  { ariaLabel: /^add title and time$/i },
  { placeholder: /^add title and time$/i },
];
const location: TargetMatcher[] = [
  { ariaLabel: /^(add )?location/i },
  { placeholder: /^add location/i },
  { label: /^location$/i },
  { name: /^location$/i },
];
const description: TargetMatcher[] = [
  { ariaLabel: /^(add )?description/i },
  { placeholder: /^add description/i },
  { label: /^description$/i },
  { name: /^(description|details)$/i },
];
const guests: TargetMatcher[] = [
  { ariaLabel: /^(add )?guests?$/i },
  { placeholder: /^add guests/i },
  { label: /^guests$/i },
  { name: /^(guests|add)$/i },
];
const startDate: TargetMatcher[] = [
  { ariaLabel: /^(start )?date$/i },
  { label: /^(start )?date$/i },
  { name: /^(start_?date|date)$/i },
];
const startTime: TargetMatcher[] = [
  { ariaLabel: /^start time$/i },
  { label: /^start time$/i },
  { name: /^start_?time$/i },
];
const endDate: TargetMatcher[] = [
  { ariaLabel: /^end date$/i },
  { label: /^end date$/i },
  { name: /^end_?date$/i },
];
const endTime: TargetMatcher[] = [
  { ariaLabel: /^end time$/i },
  { label: /^end time$/i },
  { name: /^end_?time$/i },
];
/** Shown dates and ranges in the quick-create dialog, recognised by their text when no label is present. */
const shownDate: TargetMatcher[] = [
  { text: /^(mon|tues|wednes|thurs|fri|satur|sun)day, [a-z]+ \d{1,2}(, \d{4})?$/i },
];
const timeRange: TargetMatcher[] = [
  { text: /^\d{1,2}(:\d{2})?\s*[ap]m\s*[–-]\s*\d{1,2}(:\d{2})?\s*[ap]m$/i },
  { ariaLabel: /^(time|time range)$/i },
];

const eventFields = [
  ...title,
  ...location,
  ...description,
  ...guests,
  ...startDate,
  ...startTime,
  ...endDate,
  ...endTime,
];

const createEvent: Recogniser = {
  action: "create_event",
  page: {},
  params: {
    title: { from: "field", fields: title },
    start: {
      from: "datetime",
      part: "start",
      date: [...startDate, ...shownDate],
      time: startTime,
      range: timeRange,
    },
    end: {
      from: "datetime",
      part: "end",
      date: endDate,
      fallbackDate: [...startDate, ...shownDate],
      time: endTime,
      range: timeRange,
    },
    location: { from: "field", fields: location },
    description: { from: "field", fields: description },
    guests: { from: "field", fields: guests, emails: true },
  },
  commit: [
    { on: "click", target: [{ text: /^save$/i }, { ariaLabel: /^save$/i }] },
    { on: "press", key: "Enter", command: true, target: eventFields, strength: 0.9 },
    // Quick create: Enter in the small dialog's "Add title and time" saves the event.
    { on: "press", key: "Enter", target: quickTitle, strength: 0.9 },
    // The notice after a save, however it was confirmed (recordings without key events).
    { on: "appear", target: [{ text: /^event (saved|created|added)\b/i }], strength: 0.9 },
  ],
  cancel: [
    {
      on: "click",
      target: [{ ariaLabel: /^(close|discard( changes)?|cancel)$/i }, { text: /^(discard|cancel)$/i }],
    },
    { on: "press", key: "Escape" },
  ],
  strength: 0.95,
  minFieldParams: 1,
};

const search: TargetMatcher[] = [
  { ariaLabel: /^search/i },
  { placeholder: /^search/i },
  { name: /^q$/i, tag: /^input$/ },
];

const searchEvents: Recogniser = {
  action: "search_events",
  page: {},
  params: { query: { from: "field", fields: search } },
  commit: [
    { on: "press", key: "Enter", target: search },
    { on: "field-left", target: search, strength: 0.85 },
  ],
  strength: 0.95,
  minFieldParams: 1,
};

/** Calendar search results live at `/r/search?q=…`, which also covers trace-only sessions. */
const searchEventsByUrl: Recogniser = {
  action: "search_events",
  page: {},
  params: { query: { from: "query", param: "q", url: "destination" } },
  commit: [{ on: "navigate", from: /^(?!.*\/r\/search)/, to: /\/r\/search\?(.*&)?q=[^&]+/, strength: 0.9 }],
  strength: 0.9,
};

/** Leaving the editor for a calendar view: saved or discarded, a trace cannot tell; a candidate for review. */
const createEventByNavigation: Recogniser = {
  action: "create_event",
  page: {},
  params: {},
  commit: [
    {
      on: "navigate",
      from: /\/r\/eventedit/,
      to: /\/r\/(day|week|month|year|agenda|customday|customweek)?(\/|\?|$)/,
      strength: 0.5,
    },
  ],
  strength: 0.5,
  onlyWithoutTargets: true,
};

/**
 * Trace-only candidate: on a calendar view (not the editor, not search), a form typed into closed and new content
 * was painted without a navigation. That is the quick-create dialog saved (Save or Enter): the new event's chip
 * appears in the grid. Escape or a click outside dismisses it and paints nothing new.
 */
const createEventByOutcome: Recogniser = {
  action: "create_event",
  page: { pageKinds: ["calendar"] },
  params: {},
  commit: [{ on: "painted", strength: 0.4 }],
  strength: 0.4,
  onlyWithoutTargets: true,
};

export const googleCalendarRecognisers: SuiteRecognisers = {
  suite: "google-calendar",
  detect: {
    hosts: [/^calendar\.google\.com$/],
    // "Google Calendar - Week of November 30, 2026", "Google Calendar - Event details".
    titles: [/^Google Calendar\b/, /\s[-–]\s*Google Calendar$/],
    paths: [/^\/calendar\/(u\/\d+\/)?r(\/|\?|#|$)/],
  },
  pageKinds: [
    { kind: "event-edit", path: /\/r\/eventedit/ },
    { kind: "search", path: /\/r\/search/ },
    { kind: "settings", path: /\/r\/settings/ },
    { kind: "calendar", path: /^\/calendar\// },
  ],
  recognisers: [createEvent, searchEvents, searchEventsByUrl, createEventByNavigation, createEventByOutcome],
};
