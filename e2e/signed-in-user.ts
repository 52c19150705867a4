import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long enough password 1";
export const uniqueEmail = (prefix = "user") =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Signs up through the real form; a new account lands on the dashboard. */
export async function signUp(page: Page, name: string, email = uniqueEmail()) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Hashing the password and the first dashboard render take seconds on a loaded machine (2 cores, many agents).
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 });
  return email;
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
