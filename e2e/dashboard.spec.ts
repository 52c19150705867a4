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
    "Upload",
    "API keys",
  ]);
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await screenshot(page, "dashboard-empty");

  // Signing in again also lands on the dashboard, and unknown pages get the 404 page.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await screenshot(page, "not-found");
});
