import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./signed-in-user";

const param = (page: { url(): string }, name: string) => new URL(page.url()).searchParams.get(name);
/** A calendar day in this machine's time zone, which the browser and the server share here. */
const localDay = (offsetDays = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("sessions list: filters, search, sort and page live in the URL — reload keeps them, back/forward walks them, links share them", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Sol Sessions");
  // 50 GitHub and one Gmail streaming session (open), then one uploaded Gmail recording, the newest: 52 sessions,
  // two pages of 50. The first (oldest) one has a word no other has.
  const githubIds: string[] = [];
  for (let i = 1; i <= 50; i++) {
    const response = await page.request.post("/v1/sessions", {
      data: { suite_id: "github", description: i === 1 ? "Oldest zebra session" : `GitHub session ${i}` },
    });
    expect(response.status()).toBe(201);
    githubIds.push((await response.json()).id);
  }
  expect(
    (
      await page.request.post("/v1/sessions", { data: { suite_id: "gmail", description: "Gmail draft" } })
    ).status(),
  ).toBe(201);
  const recording = path.join(
    import.meta.dirname,
    "fixtures/recordings/gmail-compose-send/input_events.jsonl",
  );
  const uploaded = await page.request.post("/v1/sessions", {
    multipart: {
      suite_id: "gmail",
      description: "Email about lunch",
      file: {
        name: "input_events.jsonl",
        mimeType: "application/x-ndjson",
        buffer: readFileSync(recording),
      },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);

  const rows = page.getByTestId("session-row");
  const searchBox = page.getByLabel("Search", { exact: true });
  const suite = page.getByLabel("Suite", { exact: true });
  const status = page.getByLabel("Status", { exact: true });
  const from = page.getByLabel("From", { exact: true });
  const to = page.getByLabel("To", { exact: true });
  const sort = page.getByLabel("Sort", { exact: true });

  await page.goto("/sessions");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Email about lunch");
  // Live status: the upload's pipeline finishes while the list is open, without a reload.
  await expect(rows.first().getByTestId("status-badge")).toHaveText("completed", { timeout: 60_000 });
  await expect(page.getByText("Page 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();

  // Paging: the cursor is in the URL; a reload renders the same page on the server.
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/\/sessions\?cursor=[\w-]+$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("GitHub session 2");
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(rows).toHaveCount(50);
  await page.goForward();
  await expect(rows).toHaveCount(2);
  await page.getByRole("button", { name: "Newer" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(rows).toHaveCount(50);

  // Search and sort run on the server over every session: the two oldest are on page 2, not on this page.
  await expect(rows.filter({ hasText: "Oldest zebra session" })).toHaveCount(0);
  await searchBox.fill("ZEBRA");
  await expect(page).toHaveURL(/\/sessions\?q=ZEBRA$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Oldest zebra session");
  // An id prefix finds its session too.
  await searchBox.fill(String(githubIds[1]).slice(0, 8).toUpperCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("GitHub session 2");
  await searchBox.fill("");
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(rows).toHaveCount(50);
  // Oldest first starts with the oldest session of all, and pages on in that order.
  await sort.selectOption({ label: "Oldest first" });
  await expect(page).toHaveURL(/\/sessions\?sort=oldest$/);
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Oldest zebra session");
  await expect(rows.nth(1)).toContainText("GitHub session 2");
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/\/sessions\?sort=oldest&cursor=[\w-]+$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Gmail draft");
  await expect(rows.last()).toContainText("Email about lunch");
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Gmail draft");
  await sort.selectOption({ label: "Newest first" });
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Email about lunch");

  // Filters, sort and search: each change is a history entry; a filter change goes back to the first page.
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await suite.selectOption({ label: "Gmail" });
  await expect(page).toHaveURL(/\/sessions\?suite=gmail$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Email about lunch");
  await sort.selectOption({ label: "Oldest first" });
  await expect(page).toHaveURL(/[?&]sort=oldest$/);
  await expect(rows.first()).toContainText("Gmail draft");
  await searchBox.fill("LUNCH");
  await expect(page).toHaveURL(/\?q=LUNCH&suite=gmail&sort=oldest$/);
  await expect(rows).toHaveCount(1);
  await status.selectOption("completed");
  await expect(page).toHaveURL(/[?&]status=completed/);
  await from.fill(localDay());
  await expect(page).toHaveURL(new RegExp(`[?&]from=${localDay()}`));
  await to.fill(localDay());
  await expect(page).toHaveURL(new RegExp(`[?&]to=${localDay()}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Email about lunch");
  await screenshot(page, "sessions-filters");

  // Reload keeps every filter, in the controls and in the results.
  const filtered = page.url();
  expect(new URL(filtered).search).toBe(
    `?q=LUNCH&suite=gmail&status=completed&from=${localDay()}&to=${localDay()}&sort=oldest`,
  );
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(searchBox).toHaveValue("LUNCH");
  await expect(suite.locator("option:checked")).toHaveText("Gmail");
  await expect(status.locator("option:checked")).toHaveText("completed");
  await expect(from).toHaveValue(localDay());
  await expect(to).toHaveValue(localDay());
  await expect(sort.locator("option:checked")).toHaveText("Oldest first");

  // Back/forward walks the changes, and the controls follow the URL.
  await page.goBack();
  await expect(to).toHaveValue("");
  expect(param(page, "from")).toBe(localDay());
  await page.goBack();
  await expect(page).toHaveURL(/\?q=LUNCH&suite=gmail&status=completed&sort=oldest$/);
  await expect(from).toHaveValue("");
  await page.goBack();
  await expect(status.locator("option:checked")).toHaveText("Any status");
  await page.goBack();
  await expect(searchBox).toHaveValue("");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Gmail draft");
  await page.goBack();
  await expect(sort.locator("option:checked")).toHaveText("Newest first");
  await expect(rows.first()).toContainText("Email about lunch");
  await page.goBack();
  await expect(suite.locator("option:checked")).toHaveText("All suites");
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 6; i++) await page.goForward();
  await expect(page).toHaveURL(filtered);
  await expect(searchBox).toHaveValue("LUNCH");
  await expect(rows).toHaveCount(1);

  // A shared link opens the same view in another tab of the same account.
  const other = await page.context().newPage();
  await other.goto(filtered);
  await expect(other.getByLabel("Search", { exact: true })).toHaveValue("LUNCH");
  await expect(other.getByTestId("session-row")).toHaveCount(1);
  await expect(other.getByTestId("session-row").first()).toContainText("Email about lunch");
  await other.close();

  // Clear filters keeps only the sort; a day with no sessions matches nothing.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/sessions\?sort=oldest$/);
  await expect(searchBox).toHaveValue("");
  await expect(rows).toHaveCount(50);
  await page.goto(`/sessions?to=${localDay(-1)}`);
  await expect(page.getByText("No sessions match these filters.")).toBeVisible();

  // Malformed, unknown, default and unordered parameters are redirected to the canonical URL.
  await page.goto("/sessions?sort=newest&status=done&utm_source=mail&suite=outlook&q=%20lunch%20&prev=abc");
  await expect(page).toHaveURL(/\/sessions\?q=lunch$/);
  await expect(rows).toHaveCount(1);
  await page.goto("/sessions?status=open&suite=gmail");
  await expect(page).toHaveURL(/\/sessions\?suite=gmail&status=open$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Gmail draft");
  await page.goto("/sessions?suite=github&cursor=bm90LWEtY3Vyc29y");
  await expect(page).toHaveURL(/\/sessions\?suite=github$/);
  await expect(rows).toHaveCount(50);
  // A newest-first cursor under oldest first is refused by the API, so the page starts again from the first.
  const newestCursor = (await (await page.request.get("/v1/sessions?limit=1")).json()).next_cursor;
  await page.goto(`/sessions?sort=oldest&cursor=${newestCursor}`);
  await expect(page).toHaveURL(/\/sessions\?sort=oldest$/);
  await expect(rows.first()).toContainText("Oldest zebra session");

  // Another account's view of the same URLs shows none of these sessions.
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const strangerPage = await stranger.newPage();
  await signUp(strangerPage, "Sam Stranger");
  await strangerPage.goto(filtered);
  await expect(strangerPage.getByText("No sessions match these filters.")).toBeVisible();
  await strangerPage.goto("/sessions");
  await expect(strangerPage.getByText("No sessions yet")).toBeVisible();
  await expect(strangerPage.getByTestId("session-row")).toHaveCount(0);
  await stranger.close();
});
