import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { findBreakInAuditEvents } from "@/test/helpers/verify-audit-events";
import { PASSWORD, screenshot, signUp, uniqueEmail } from "./signed-in-user";

// Sign-up and each sign-in run scrypt; on a loaded two-core machine this takes minutes.
test.describe.configure({ timeout: 240_000 });

async function createAndRevokeKey(page: Page, name: string) {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert")).toContainText("only time it is shown");
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toHaveCount(0);
}

const entries = (page: Page) => page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr");

test("key, sign-out and sign-in events appear on the audit log page; filters live in the URL; CSV downloads", async ({
  page,
}) => {
  const email = uniqueEmail("audit");
  await signUp(page, "Audit Tester", email);
  await createAndRevokeKey(page, "audit e2e key");

  await page.getByRole("button", { name: "Audit Tester" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/audit-log");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Faudit-log/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/audit-log$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  // Newest first: this sign-in, the failed attempt, the sign-out, the key's revocation and creation, the first
  // sign-in and the sign-up.
  const eventColumn = entries(page).locator("td:nth-child(2) span");
  await expect(eventColumn).toHaveText([
    "user.sign_in",
    "user.sign_in_failed",
    "user.sign_out",
    "api_key.revoked",
    "api_key.created",
    "user.sign_in",
    "user.sign_up",
  ]);
  await expect(entries(page).nth(1)).toContainText("Anonymous");
  await expect(entries(page).nth(4)).toContainText("You");
  await expect(entries(page).nth(4)).toContainText("api_key");
  await screenshot(page, "audit-log");

  // Filter by event type: the URL carries it, a reload keeps it.
  await page.getByLabel("Event").selectOption("api_key.created");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/settings\/audit-log\?type=api_key\.created/);
  await expect(eventColumn).toHaveText(["api_key.created"]);
  await page.reload();
  await expect(page.getByLabel("Event")).toHaveValue("api_key.created");
  await expect(eventColumn).toHaveText(["api_key.created"]);

  // The CSV has what the filters show, with the chain's hashes.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs
    .readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  expect(csv[0]).toMatch(/^created_at,type,actor_type,actor_id,/);
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(",api_key.created,user,");
  expect(csv[1]).toMatch(/,[0-9a-f]{64},[0-9a-f]{64}$/);

  // The download itself is in the log.
  await page.getByLabel("Event").selectOption("audit_log.exported");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(eventColumn).toHaveText(["audit_log.exported"]);

  // A date range with nothing in it, then Clear.
  await page.getByLabel("Event").selectOption("");
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(entries(page)).toHaveCount(8);

  // The workspace can check its own chain from the API: every hash recomputes and links to the one before.
  const api = await page.request.get("/v1/audit-events?limit=200");
  expect(api.status()).toBe(200);
  const { data, next_cursor } = await api.json();
  expect(data).toHaveLength(8);
  expect(next_cursor).toBeNull();
  expect(findBreakInAuditEvents(data)).toBeNull();
  expect(findBreakInAuditEvents([{ ...data[3], user_agent: "edited" }, ...data.slice(4)])).toMatchObject({
    id: data[3].id,
  });
});

test("at 390 px the audit table scrolls inside itself and the filters fit", async ({ page }) => {
  await signUp(page, "Narrow Auditor");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/audit-log");
  await expect(entries(page)).toHaveCount(2);
  const box = page.getByRole("table", { name: "Audit log entries" }).locator("xpath=..");
  const scroll = await box.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    right: el.getBoundingClientRect().right,
  }));
  expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
  expect(scroll.right).toBeLessThanOrEqual(390);
  // The page itself does not scroll sideways (the main navigation scrolls inside its bar too).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const form = await page.getByRole("form", { name: "Filter the audit log" }).boundingBox();
  expect((form?.x ?? 0) + (form?.width ?? 0)).toBeLessThanOrEqual(390);
  await screenshot(page, "audit-log-390");
});
