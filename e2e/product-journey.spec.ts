import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAfterSignUp } from "./signed-in-user";

const recording = path.join(import.meta.dirname, "fixtures/recordings/gmail-compose-send/input_events.jsonl");

test("landing → sign-up → dashboard → upload → processing → explorer → example preview and download", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.screenshot({ path: "test-results/screenshots/landing.png", fullPage: true });
  await page.getByRole("link", { name: "Get started" }).first().click();

  await page.getByLabel("Name").fill("Journey Tester");
  const email = `journey-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("a long enough password 1");
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email, "a long enough password 1");
  await page.waitForURL("**/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Journey Tester");
  await page.screenshot({ path: "test-results/screenshots/dashboard-empty.png", fullPage: true });

  await page.goto("/upload");
  await page.getByLabel("Suite").selectOption({ label: "Gmail" });
  await page.getByLabel("Description").fill("Compose and send");
  await page.getByLabel("Recordings").setInputFiles(recording);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = page.url();

  // The status badge follows the pipeline until it completes, then the explorer appears.
  await expect(page.getByTestId("status-badge").first()).toHaveText("completed", { timeout: 120_000 });
  const canvas = page.getByTestId("timeline-canvas");
  await expect(canvas).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("action-count")).toHaveText("1");

  // Keyboard: j selects the first tool call, ↓ moves to the action lane; its source events light up.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("ArrowDown");
  await expect(canvas).toHaveAttribute("data-selected", "actions:0");
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toContainText("compose_email");
  await expect(inspector).toContainText("Came from");
  expect(Number(await canvas.getAttribute("data-highlighted"))).toBeGreaterThan(5);
  await expect(page).toHaveURL(/#item=actions:/);
  await page.screenshot({ path: "test-results/screenshots/explorer-action-selected.png", fullPage: true });

  // Deep link: reloading keeps the selection.
  await page.reload();
  await expect(page.getByTestId("timeline-canvas")).toHaveAttribute("data-selected", "actions:0", {
    timeout: 60_000,
  });
  expect(sessionUrl).toContain("/sessions/");
});
