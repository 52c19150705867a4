import { expect, test } from "@playwright/test";
import { createExamples, uploadRecording, waitForExamplesSettled } from "./example-data";
import { screenshot, signUp } from "./signed-in-user";

const param = (page: { url(): string }, name: string) => new URL(page.url()).searchParams.get(name);

test("examples list: filters and page live in the URL — reload keeps them, back/forward walks them, links share them", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Fiona Filters");
  // 21 Gmail examples (two pages of 20) from one session, one GitHub example from another.
  const gmail = await uploadRecording(page, {
    suite: "gmail",
    recording: "gmail-compose-send",
    description: "Email about lunch",
  });
  const github = await uploadRecording(page, {
    suite: "github",
    recording: "github-create-issue",
    description: "File a bug",
  });
  await createExamples(page, gmail, 21);
  const githubExample = (await createExamples(page, github, 1))[0] as string;
  await waitForExamplesSettled(page, 22);

  const rows = page.getByTestId("example-row");
  const suite = page.getByLabel("Suite");
  const model = page.getByLabel("Model");
  const sessionBox = page.getByLabel("Session id");

  await page.goto("/examples");
  await expect(rows).toHaveCount(20);
  await expect(page.getByText("Page 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();

  // Paging: the cursor is in the URL; a reload renders the same page on the server.
  await page.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/[?&]cursor=[\w-]+/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/examples$/);
  await expect(rows).toHaveCount(20);
  await page.goForward();
  await expect(rows).toHaveCount(2);
  await page.getByRole("button", { name: "Newer" }).click();
  await expect(page).toHaveURL(/\/examples$/);
  await expect(rows).toHaveCount(20);

  // Filters: each change is a history entry; a filter change goes back to the first page.
  await suite.selectOption({ label: "GitHub" });
  await expect(page).toHaveURL(/[?&]suite=[0-9a-f-]{36}/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(githubExample.slice(0, 8));
  await suite.selectOption({ label: "Gmail" });
  await expect(rows).toHaveCount(20);
  await model.selectOption({ label: "tracepipe-rules-1" });
  await expect(page).toHaveURL(/[?&]model=[0-9a-f-]{36}/);
  await sessionBox.fill(github);
  await sessionBox.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]session=${github}`));
  await expect(page.getByText("No examples match these filters.")).toBeVisible();
  await screenshot(page, "examples-filters");

  // Reload keeps every filter, in the controls and in the results.
  const filtered = page.url();
  await page.reload();
  await expect(page.getByText("No examples match these filters.")).toBeVisible();
  await expect(suite.locator("option:checked")).toHaveText("Gmail");
  await expect(model.locator("option:checked")).toHaveText("tracepipe-rules-1");
  await expect(sessionBox).toHaveValue(github);

  // Back/forward walks the filter changes, and the session box follows the URL.
  await page.goBack();
  await expect(sessionBox).toHaveValue("");
  await expect(rows).toHaveCount(20);
  expect(param(page, "model")).not.toBeNull();
  await page.goBack();
  await expect(model.locator("option:checked")).toHaveText("All models");
  await page.goBack();
  await expect(suite.locator("option:checked")).toHaveText("GitHub");
  await expect(rows).toHaveCount(1);
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await expect(sessionBox).toHaveValue(github);
  await expect(page.getByText("No examples match these filters.")).toBeVisible();

  // A shared link opens the same view in another tab of the same account.
  const other = await page.context().newPage();
  await other.goto(filtered);
  await expect(other.getByLabel("Session id")).toHaveValue(github);
  await expect(other.getByText("No examples match these filters.")).toBeVisible();
  await other.close();

  // Clear filters, then the session filter alone from the session page's link.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/examples$/);
  await page.goto(`/examples?session=${github}`);
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("link", { name: "New example" })).toHaveAttribute(
    "href",
    `/examples/new?session=${github}`,
  );

  // Malformed, unknown and unordered parameters are redirected to the canonical URL.
  await page.goto(`/examples?suite=not-a-suite&session=${gmail}&utm_source=mail&cursor=%20`);
  await expect(page).toHaveURL(new RegExp(`/examples\\?session=${gmail}$`));
  await expect(rows).toHaveCount(20);
  await page.goto("/examples?cursor=bm90LWEtY3Vyc29y");
  await expect(page).toHaveURL(/\/examples$/);
  await expect(rows).toHaveCount(20);

  // Another account's view of the same URL shows none of these examples.
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const strangerPage = await stranger.newPage();
  await signUp(strangerPage, "Sam Stranger");
  await strangerPage.goto(filtered);
  await expect(strangerPage.getByText("No examples match these filters.")).toBeVisible();
  await stranger.close();
});
