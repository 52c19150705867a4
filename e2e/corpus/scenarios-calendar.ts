import type { Scenario } from "./scenario-types";

// Google Calendar scenarios: events, search, a cancelled edit.
const WEEK = "https://calendar.google.com/calendar/r/week/2026/11/30";
export const calendarScenarios: Scenario[] = [
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
