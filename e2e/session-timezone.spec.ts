import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { waitUntilSessionCompleted } from "./example-data";
import { screenshot, signUp } from "./signed-in-user";

// The browser runs in Berlin: the upload form offers that zone, and a Calendar event's times come out with Berlin's
// offset on each date (summer +02:00, winter +01:00). Without any zone, the event is held for review.
test.use({ timezoneId: "Europe/Berlin" });

function recordingFile(name: string, lines: string[]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-tz-")), name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

test("a Calendar recording uploaded with the browser's zone gives zoned start/end in the example", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Zoe Zone");
  await page.goto("/upload");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/Berlin");

  await page.getByLabel("Suite").selectOption({ label: "Google Calendar" });
  await page.getByLabel("Description").fill("Two syncs in Berlin");
  await page
    .getByLabel("Recordings")
    .setInputFiles(recordingFile("input_events.jsonl", calendarRecording(["Jul 14, 2026", "Dec 4, 2026"])));
  await zone.fill("Berlin");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Berlin” is not a time zone" })).toBeVisible();
  await zone.fill("Europe/Berlin");
  await screenshot(page, "upload-with-timezone");
  await page.getByRole("button", { name: "Upload", exact: true }).click();

  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split("/").pop() ?? "";
  await expect(page.getByTestId("session-timezone")).toContainText("Europe/Berlin (stated on upload)");
  await waitUntilSessionCompleted(page, sessionId);

  await page.goto(`/examples/new?session=${sessionId}`);
  const form = page.getByRole("form", { name: "Create an example" });
  await form.getByRole("button", { name: "Create example" }).click();
  await expect(page).toHaveURL(/\/examples\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status").getByTestId("status-badge")).toHaveText("completed", {
    timeout: 45_000,
  });
  const calls = page.getByTestId("preview-tool-call");
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(0).locator("pre")).toContainText('"start": "2026-07-14T09:00:00+02:00"');
  await expect(calls.nth(0).locator("pre")).toContainText('"end": "2026-07-14T09:30:00+02:00"');
  await expect(calls.nth(1).locator("pre")).toContainText('"start": "2026-12-04T09:00:00+01:00"');
  await expect(calls.nth(1).locator("pre")).toContainText('"end": "2026-12-04T09:30:00+01:00"');
  await screenshot(page, "example-zoned-times");
});

test("with no zone stated and none in the recording, the event needs review instead of a +00:00 record", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page, "Una Unknown");
  await page.goto("/upload");
  await page.getByLabel("Suite").selectOption({ label: "Google Calendar" });
  await page.getByLabel("Description").fill("No zone anywhere");
  await page
    .getByLabel("Recordings")
    .setInputFiles(recordingFile("input_events.jsonl", calendarRecording(["Dec 4, 2026"])));
  // Cleared: the customer says nothing about the zone.
  await page.getByLabel("Time zone").fill("");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split("/").pop() ?? "";
  await waitUntilSessionCompleted(page, sessionId);
  await page.reload();
  await expect(page.getByTestId("session-timezone")).toContainText("Unknown (calendar times need review)");

  const detail = await (await page.request.get(`/v1/sessions/${sessionId}`)).json();
  expect(detail).toMatchObject({ timezone: null, timezone_source: "unknown", action_count: 1 });
  expect(detail.metrics.confidence.needsReview).toBe(1);
  await screenshot(page, "session-timezone-unknown");
});
