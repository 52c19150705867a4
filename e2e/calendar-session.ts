import { expect, type Page } from "@playwright/test";
import { calendarEditorRecordingLines } from "@/test/helpers/calendar-recording";
import { waitUntilSessionCompleted } from "./example-data";

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** A Calendar editor recording whose event has no title: its create-event action waits in the review queue. */
export const titlelessCalendarRecording = (timezone?: string): Upload => ({
  name: "input_events.jsonl",
  mimeType: "application/x-ndjson",
  buffer: Buffer.from(`${calendarEditorRecordingLines(timezone ? { timezone } : {}).join("\n")}\n`),
});

/** Uploads with the browser session (`page.request` shares the cookie) and waits for the pipeline. */
export async function uploadCalendarSession(page: Page, file: Upload, fields: Record<string, string> = {}) {
  const response = await page.request.post("/v1/sessions", {
    multipart: { suite_id: "google-calendar", description: "Create the design review", ...fields, file },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await waitUntilSessionCompleted(page, id);
  return id;
}
