import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long enough password 1";
export const uniqueEmail = (prefix = "user") =>
  `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/**
 * After "Create account" the form sends every email, new or taken, on to sign-in (so it never says which emails
 * have accounts); this signs in there with the same credentials.
 */
export async function signInAfterSignUp(page: Page, email: string, password = PASSWORD) {
  // Sign-up hashes the password (scrypt) after checking its strength: seconds on a busy machine.
  await expect(page).toHaveURL(/\/sign-in\?.*notice=signed-up/, { timeout: 30_000 });
  await expect(page.getByRole("status")).toContainText(
    "Sign in with the email and password you just entered",
  );
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs up through the real form, then signs in; a new account lands on the dashboard. */
export async function signUp(page: Page, name: string, email = uniqueEmail()) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  return email;
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
