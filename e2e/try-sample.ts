import { expect, type Page } from "@playwright/test";

/** Presses "Try a … sample" and waits for the session page with its completed example; returns the seconds taken. */
export async function trySample(page: Page, suiteName: string) {
  const started = Date.now();
  await page.getByRole("button", { name: `Try a ${suiteName} sample` }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByTestId("status-badge").first()).toHaveText("completed", { timeout: 30_000 });
  const example = page.getByTestId("example-row");
  await expect(example).toHaveCount(1, { timeout: 30_000 });
  await expect(example.getByTestId("status-badge")).toHaveText("completed", { timeout: 30_000 });
  return { seconds: (Date.now() - started) / 1000, sessionId: page.url().split("/").at(-1) ?? "" };
}
