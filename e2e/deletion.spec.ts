import { expect, type Page, test } from "@playwright/test";
import { createLocalJWKSet, jwtVerify } from "jose";
import { PASSWORD, screenshot, signUp, uniqueEmail } from "./signed-in-user";
import { acceptAsNewUser, createWorkspace, currentWorkspace, invite, openSession } from "./workspace-helpers";

// Deleting a workspace from Settings → Data and erasing an account from Settings → Security, each ending with a
// receipt that verifies against the published keys.

test.describe.configure({ timeout: 300_000 });

/** The receipt shown on the page, verified as anyone would: with the keys at /.well-known/jwks.json. */
async function verifyShownReceipt(page: Page) {
  const receipt = page.getByRole("region", { name: "Deletion receipt" });
  await expect(receipt).toBeVisible({ timeout: 60_000 });
  const jws = await receipt.getByLabel(/Signed receipt/).inputValue();
  const jwks = await (await page.request.get("/.well-known/jwks.json")).json();
  const { payload } = await jwtVerify(jws, createLocalJWKSet(jwks), { typ: "deletion-receipt+jwt" });
  return {
    receipt,
    payload: payload as { kind: string; removed: Record<string, number>; user_id: string | null },
  };
}

test("an owner deletes a team workspace after typing its name, and gets a signed receipt", async ({
  page,
}) => {
  await signUp(page, "Dana Deleter");
  await createWorkspace(page, "Short-lived Lab");
  expect((await openSession(page, "to be deleted")).status()).toBe(201);

  await page.goto("/settings/data");
  const danger = page.getByRole("region", { name: "Delete workspace" });
  const button = danger.getByRole("button", { name: "Delete workspace" });
  await danger.getByLabel("Type Short-lived Lab to confirm").fill("Short-lived");
  await expect(button).toBeDisabled();
  await danger.getByLabel("Type Short-lived Lab to confirm").fill("Short-lived Lab");
  await button.click();
  const { receipt, payload } = await verifyShownReceipt(page);
  expect(payload).toMatchObject({ kind: "workspace", removed: { sessions: 1, members: 1 } });
  await expect(receipt.getByTestId("receipt-sessions")).toContainText("1");
  await screenshot(page, "workspace-deleted-receipt");

  // Back in the personal workspace; the deletion is in its audit log.
  await page.getByRole("link", { name: "Go to your personal workspace" }).click();
  await expect(currentWorkspace(page)).toHaveText("Personal (personal) · owner");
  expect(await (await page.request.get("/v1/workspace")).json()).toMatchObject({ personal: true });
  await page.goto("/settings/audit-log?type=workspace.deleted");
  await expect(page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr")).toHaveCount(1);
  // The personal workspace has no danger zone of its own: it goes with the account.
  await page.goto("/settings/data");
  await expect(page.getByText("Your personal workspace is deleted only with your account")).toBeVisible();
});

test("erasure is refused for the last owner of a shared team, then removes the account and signs out", async ({
  page,
  browser,
}) => {
  const email = await signUp(page, "Erin Erased");
  await createWorkspace(page, "Shared Keepers");
  await page.goto("/settings/members");
  const colleagueEmail = uniqueEmail("keeper");
  const link = await invite(page, colleagueEmail, "member");
  const colleague = await acceptAsNewUser(browser, link, {
    name: "Kim Keeper",
    email: colleagueEmail,
    workspace: "Shared Keepers",
  });

  await page.goto("/settings/security");
  const section = page.getByRole("region", { name: "Delete account" });
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByLabel("Type DELETE to confirm").fill("DELETE");
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByRole("alert")).toContainText("last owner of Shared Keepers", { timeout: 60_000 });

  // Once the colleague is an owner too, erasure goes ahead; a wrong password is still refused first.
  await page.goto("/settings/members");
  await page.getByLabel(`Role of ${colleagueEmail}`).selectOption("owner");
  await expect(page.getByText(`${colleagueEmail} is now owner`)).toBeVisible();
  await page.goto("/settings/security");
  await section.getByLabel("Password").fill("not my password at all");
  await section.getByLabel("Type DELETE to confirm").fill("DELETE");
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByText("The password is not right.")).toBeVisible({ timeout: 60_000 });
  await section.getByLabel("Password").fill(PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  const { payload } = await verifyShownReceipt(page);
  expect(payload).toMatchObject({ kind: "account", removed: { members: 1 } });
  await screenshot(page, "account-erased-receipt");

  // Signed out, and the credentials no longer work.
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText("Your account has been deleted.")).toBeVisible();
  expect((await page.request.get("/v1/workspace")).status()).toBe(401);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password.")).toBeVisible({ timeout: 60_000 });

  // The team stays, with the erasure in its log.
  await colleague.goto("/settings/audit-log?type=user.erased");
  await expect(colleague.getByRole("table", { name: "Audit log entries" }).locator("tbody tr")).toHaveCount(
    1,
  );
});
