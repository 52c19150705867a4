import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./signed-in-user";

// The app talks to the fake Stripe of playwright.config.ts through STRIPE_API_BASE; its hosted checkout page
// POSTs a signed checkout.session.completed webhook to the app before redirecting back.
test("a new user adds a card through Stripe Checkout and sees it on the Billing page", async ({ page }) => {
  await signUp(page, "Billing Buyer");
  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  await expect(page.getByText("No card on file")).toBeVisible();
  await expect(page.getByText("No billable usage this month yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await expect(page.getByRole("heading", { name: "Save a card for future payments" })).toBeVisible();
  await page.getByRole("button", { name: "Save card" }).click();

  await expect(page).toHaveURL(/\/settings\/billing\?setup=success$/);
  const card = page.getByTestId("card-on-file");
  await expect(card).toContainText("visa");
  await expect(card).toContainText("ending in 4242");
  await expect(card).toContainText(/expires 12\/\d{4}/);
  await expect(page.getByRole("button", { name: "Replace card" })).toBeVisible();
  await screenshot(page, "billing-card-on-file");
});
