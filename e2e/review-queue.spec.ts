import { readFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { titlelessCalendarRecording, uploadCalendarSession } from "./calendar-session";
import { screenshot, signUp } from "./signed-in-user";

// Pages here load data after the first paint (items, the explorer's lanes); this machine is shared and slow.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Generates an example from the session page's form and returns the records of its downloaded JSONL. */
async function generateAndDownload(page: Page, sessionId: string) {
  await page.goto(`/sessions/${sessionId}`);
  const form = page.getByRole("form", { name: "Create an example" });
  await form.getByRole("button", { name: "Create example" }).click();
  await expect(page).toHaveURL(/\/examples\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status").getByTestId("status-badge")).toHaveText("completed", {
    timeout: 45_000,
  });
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSONL" }).click();
  const download = await downloading;
  return readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
}

const toolCallOf = (record: {
  messages: { tool_calls?: { function: { name: string; arguments: string } }[] }[];
}) => {
  const call = record.messages.at(-1)?.tool_calls?.[0]?.function;
  return { name: call?.name, arguments: JSON.parse(call?.arguments ?? "{}") };
};

test("a Calendar event without its title: refused example, reviewed with the keyboard, then a zoned record", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signUp(page, "Rita Reviewer");
  const sessionId = await uploadCalendarSession(page, titlelessCalendarRecording("America/New_York"));

  // Nothing is silently empty: the example is refused, naming the pending review.
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("heading", { name: "Review items" })).toBeVisible();
  await expect(page.getByText("Missing a required argument")).toBeVisible();
  await page
    .getByRole("form", { name: "Create an example" })
    .getByRole("button", { name: "Create example" })
    .click();
  await expect(page.getByRole("form", { name: "Create an example" }).getByRole("alert")).toContainText(
    "0 records: 1 action awaits review",
  );
  await page.getByRole("link", { name: "Open the review queue" }).click();
  await expect(page).toHaveURL(`/review?session=${sessionId}`);

  await expect(page.getByRole("link", { name: "Review (1 pending)" })).toBeVisible();
  const item = page.getByRole("article", { name: "Review item: create_event" });
  await expect(item).toBeVisible();
  const form = item.getByRole("form", { name: "Arguments of create-event" });
  await expect(form.getByLabel(/^start/)).toHaveValue("2026-12-02 14:30");
  await expect(form.getByLabel(/^summary/)).toHaveAttribute("aria-invalid", "true");
  await expect(item.getByRole("region", { name: "Page text around the action" })).toContainText("Room 4B");
  await screenshot(page, "review-queue-item");

  // Keyboard only: help, then accepting too early names the field, then e → type → Escape → a.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.keyboard.press("a");
  await expect(item.getByRole("alert")).toContainText("Fix 1 field before accepting: summary");
  await page.keyboard.press("Escape");
  await page.keyboard.press("e");
  await expect(form.getByLabel(/^summary/)).toBeFocused();
  await page.keyboard.type("Design review");
  await expect(form.getByLabel(/^summary/)).not.toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel(/^end/)).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2026-12-02 16:00");
  await expect(item.getByText("→ 2026-12-02T16:00:00-05:00 (America/New_York)")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await expect(page.getByText("Nothing to review.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Review", exact: true })).toBeVisible();

  await page.goto("/review?status=accepted");
  await expect(page.getByRole("article", { name: "Review item: create_event" })).toContainText("accepted");

  const records = await generateAndDownload(page, sessionId);
  expect(records).toHaveLength(1);
  expect(toolCallOf(records[0])).toEqual({
    name: "create-event",
    arguments: {
      calendarId: "primary",
      summary: "Design review",
      start: "2026-12-02T14:30:00-05:00",
      end: "2026-12-02T16:00:00-05:00",
      location: "Room 4B",
    },
  });
  expect(records[0].metadata.provenance[0]).toMatchObject({
    reviewed: true,
    tool: "create-event",
    changed: [
      { argument: "end", proposed: "2026-12-02T15:30:00-05:00", accepted: "2026-12-02T16:00:00-05:00" },
      { argument: "summary", proposed: null, accepted: "Design review" },
    ],
  });
});

test("a trace-only Calendar recording with its zone: accepted from the queue, downloaded with the zoned call", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signUp(page, "Tom Tracer");
  const trace = path.join(import.meta.dirname, "fixtures/recordings/calendar-create-event/trace.json.gz");
  const sessionId = await uploadCalendarSession(
    page,
    { name: "trace.json.gz", mimeType: "application/gzip", buffer: readFileSync(trace) },
    { timezone: "America/New_York" },
  );
  // The zone stated on upload reaches the session (and its review items) with the time-zone work of issue 10;
  // until a build has it, the zoned half of this journey cannot pass, and says so instead of failing.
  const session = await (await page.request.get(`/v1/sessions/${sessionId}`)).json();
  test.fixme(
    session.timezone !== "America/New_York",
    "GET /v1/sessions/{id} does not return the uploaded `timezone` yet (time-zone work not merged)",
  );

  await page.goto("/review?suite=google-calendar");
  const item = page.getByRole("article", { name: "Review item: create_event" });
  await expect(item).toBeVisible();
  const form = item.getByRole("form", { name: "Arguments of create-event" });
  // A trace has no typed text: nothing is proposed beyond the map's constant.
  await expect(form.getByLabel(/^summary/)).toHaveValue("");
  await expect(form.getByLabel(/^calendarId/)).toHaveValue("primary");

  await page.keyboard.press("e");
  await expect(form.getByLabel(/^summary/)).toBeFocused();
  await page.keyboard.type("Design review");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2026-12-02 14:30");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2026-12-02 15:30");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Room 4B");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Walk through the new onboarding flow.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("grace@example.com, alan@example.org");
  await expect(item.getByText("→ 2026-12-02T14:30:00-05:00 (America/New_York)")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await expect(page.getByText("Nothing to review.")).toBeVisible();
  await screenshot(page, "review-queue-trace-accepted");

  const records = await generateAndDownload(page, sessionId);
  expect(records).toHaveLength(1);
  const expected = JSON.parse(
    readFileSync(
      path.join(import.meta.dirname, "fixtures/recordings/calendar-create-event/expected.json"),
      "utf8",
    ),
  ) as { toolCalls: { tool: string; arguments: unknown }[] };
  expect(toolCallOf(records[0])).toEqual({
    name: expected.toolCalls[0]?.tool,
    arguments: expected.toolCalls[0]?.arguments,
  });
});

test("a review item has its own page: the explorer links to it, a decision there is kept, a wrong id is a 404", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Ivo Item");
  const sessionId = await uploadCalendarSession(page, titlelessCalendarRecording());
  const listed = await (await page.request.get(`/v1/review-items?session_id=${sessionId}`)).json();
  const review = listed.data[0] as { id: string; action_id: string };
  expect(review.id).toMatch(/^[0-9a-f-]{36}$/);

  // From the explorer: the action's inspector links to its review item's page.
  await page.goto(`/sessions/${sessionId}#item=actions:${encodeURIComponent(review.action_id)}`);
  await page.getByRole("link", { name: "Open its review item" }).click();
  await expect(page).toHaveURL(`/review/${review.id}`);
  await expect(page.getByRole("heading", { name: "Review item", level: 1 })).toBeVisible();
  const item = page.getByRole("article", { name: "Review item: create_event" });
  await expect(item.getByRole("form", { name: "Arguments of create-event" })).toBeVisible();

  // Decided in place; the decision is the item's, read again after a reload.
  await item.getByRole("button", { name: /^Reject/ }).click();
  await page.keyboard.type("Not a real meeting");
  await page.keyboard.press("Enter");
  await expect(item).toContainText("rejected");
  await page.reload();
  await expect(page.getByRole("article", { name: "Review item: create_event" })).toContainText(
    "Not a real meeting",
  );
  await expect(page.getByRole("link", { name: "Review queue" })).toHaveAttribute(
    "href",
    `/review?session=${sessionId}`,
  );

  for (const missing of [crypto.randomUUID(), "not-an-id"])
    expect((await page.request.get(`/review/${missing}`)).status()).toBe(404);
});
