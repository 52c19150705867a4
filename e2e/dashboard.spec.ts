import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./signed-in-user";

test("a new account lands on the dashboard: name, honest zero states, quick actions, navigation", async ({
  page,
}) => {
  await signUp(page, "Dana Dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Dana Dashboard");

  const tokens = page.getByTestId("card-tokens");
  await expect(tokens).toContainText("0tokens");
  await expect(tokens).toContainText("No tokens used yet — the built-in tracepipe-rules-1 model is free");
  await expect(page.getByTestId("card-storage")).toContainText("Nothing stored yet");
  await expect(page.getByTestId("card-sessions")).toContainText("No sessions yet");
  await expect(page.getByTestId("card-examples")).toContainText("No examples yet");
  await expect(page.getByText("No sessions yet", { exact: true })).toBeVisible();

  const actions = page.getByRole("navigation", { name: "Quick actions" });
  await expect(actions.getByRole("link", { name: "Upload a recording" })).toHaveAttribute("href", "/upload");
  await expect(actions.getByRole("link", { name: "Create an API key" })).toHaveAttribute(
    "href",
    "/settings/api-keys",
  );
  await expect(actions.getByRole("link", { name: "API docs" })).toHaveAttribute("href", "/v1/docs");

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText([
    "Tracepipe",
    "Dashboard",
    "Sessions",
    "Examples",
    "Review",
    "Upload",
    "Settings",
  ]);
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await screenshot(page, "dashboard-empty");

  // Signing in again also lands on the dashboard, and unknown pages get the 404 page.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await screenshot(page, "not-found");
});

test("recent sessions page by keyset cursor: Older and Newer", async ({ page }) => {
  await signUp(page, "Paul Pager");
  // Nine streaming sessions (opened, not uploaded) through the browser session; the dashboard shows eight a page.
  for (let i = 1; i <= 9; i++) {
    const response = await page.request.post("/v1/sessions", {
      data: { suite_id: "github", description: `Session number ${i}` },
    });
    expect(response.status()).toBe(201);
  }
  await page.reload();
  const rows = page.getByTestId("recent-session-row");
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toContainText("Session number 9");
  await expect(rows.first().getByTestId("status-badge")).toHaveText("open");
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await expect(page.getByTestId("card-sessions")).toContainText("9this month");

  await page.getByRole("button", { name: "Older" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Session number 1");
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();

  await page.getByRole("button", { name: "Newer" }).click();
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toContainText("Session number 9");
});
