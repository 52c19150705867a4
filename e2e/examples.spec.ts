import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { TestSession } from "@/test/helpers/test-session";
import { gmailTargets as gm } from "@/test/helpers/test-targets";
import { screenshot, signUp } from "./signed-in-user";

/** A Gmail compose + Send as a native input_events.jsonl (the canonical events the pipeline tests use). */
function gmailComposeRecording(): Buffer {
  const s = new TestSession("https://mail.google.com/mail/u/0/#inbox", {
    title: "Inbox - me@example.com - Gmail",
  });
  s.click(gm.compose).click(gm.to).type(gm.to, "ana@example.com").commitChip(gm.to);
  s.click(gm.subject)
    .type(gm.subject, "Lunch tomorrow?")
    .click(gm.body)
    .type(gm.body, "Noon at the usual place.")
    .click(gm.send);
  const lines = s.events.map(({ ts, source: _source, ...event }) =>
    JSON.stringify({ ...event, timestamp: ts }),
  );
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** Uploads with the browser session: `page.request` shares the signed-in cookie. */
async function uploadSession(page: Page, description: string) {
  const response = await page.request.post("/v1/sessions", {
    multipart: {
      suite_id: "gmail",
      description,
      file: { name: "input_events.jsonl", mimeType: "application/x-ndjson", buffer: gmailComposeRecording() },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const session = (await response.json()) as { id: string };
  await expect
    .poll(
      async () => {
        const detail = await (await page.request.get(`/v1/sessions/${session.id}`)).json();
        // A failed pipeline will not recover: fail now, with its reason.
        if (detail.status === "failed") throw new Error(`session failed: ${detail.error}`);
        return detail.status;
      },
      {
        timeout: 45_000,
        intervals: [500, 1000],
      },
    )
    .toBe("completed");
  return session.id;
}

test("upload → dashboard counts it → create an example → live status → preview → download", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Eve Examples");
  const sessionId = await uploadSession(page, "Email Ana about lunch");

  await page.reload();
  await expect(page.getByTestId("card-sessions")).toContainText("1this month");
  const row = page.getByTestId("recent-session-row").filter({ hasText: "Email Ana about lunch" });
  await expect(row.getByTestId("status-badge")).toHaveText("completed");
  await expect(row.getByRole("link", { name: "Email Ana about lunch" })).toHaveAttribute(
    "href",
    `/sessions/${sessionId}`,
  );
  await screenshot(page, "dashboard-with-session");

  await page.goto(`/examples/new?session=${sessionId}`);
  await expect(page.getByRole("heading", { name: "New example" })).toBeVisible();
  const form = page.getByRole("form", { name: "Create an example" });
  await expect(form.getByLabel("Model")).toHaveValue(/.+/);
  await expect(form.getByLabel("Model").locator("option:checked")).toHaveText("tracepipe-rules-1");
  // No LLM gateway in this environment: LLM models are offered but disabled, with the reason.
  await expect(form.getByRole("option", { name: /gpt-4o \(needs an LLM gateway\)/ })).toBeDisabled();
  await expect(form.getByLabel("Action-tool map").locator("option:checked")).toHaveText("gmail-to-gmail-mcp");
  await form.getByLabel("Output format").selectOption("openai");
  await screenshot(page, "example-new");
  await form.getByRole("button", { name: "Create example" }).click();

  await expect(page).toHaveURL(/\/examples\/[0-9a-f-]{36}$/);
  const exampleId = page.url().split("/").at(-1) as string;
  const status = page.getByRole("status").getByTestId("status-badge");
  await expect(status).toHaveText("completed", { timeout: 45_000 });

  const record = page.getByTestId("preview-record").first();
  await expect(record).toContainText("openai format");
  await expect(record.locator('[data-role="user"]')).toBeVisible();
  const call = record.getByTestId("preview-tool-call").first();
  await expect(call).toContainText("send_email");
  await expect(call.locator("pre")).toContainText('"to": [\n    "ana@example.com"\n  ]');
  await expect(call.locator("pre")).toContainText('"subject": "Lunch tomorrow?"');
  await screenshot(page, "example-detail");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSONL" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`example-${exampleId}.jsonl`);
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  const records = lines.map((line) => JSON.parse(line));
  const shownCount = await page
    .getByText("Records", { exact: true })
    .locator("xpath=..")
    .locator("dd")
    .textContent();
  expect(records.length).toBeGreaterThan(0);
  expect(records).toHaveLength(Number(shownCount));
  expect(records[0].messages.at(-1).tool_calls[0].function.name).toBe("send_email");

  await page.goto("/examples");
  const listed = page.getByTestId("example-row").filter({ hasText: exampleId.slice(0, 8) });
  await expect(listed.getByTestId("status-badge")).toHaveText("completed");
  await expect(listed).toContainText("tracepipe-rules-1");
  await screenshot(page, "examples-list");

  // Filters go through the API: another suite shows the empty state.
  await page.getByLabel("Suite").selectOption({ label: "GitHub" });
  await expect(page.getByText("No examples match these filters.")).toBeVisible();

  await page.goto(`/dashboard`);
  await expect(page.getByTestId("card-examples")).toContainText("1this month");

  // Someone else's (or a missing) example is a 404 page, not an error.
  await page.goto("/examples/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
