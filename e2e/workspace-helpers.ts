import { type Browser, expect, type Page } from "@playwright/test";
import { PASSWORD, signInAfterSignUp } from "./signed-in-user";

/** Creates an invitation on the Members page and returns the link shown to copy. */
export async function invite(page: Page, email: string, role: "viewer" | "member" | "admin") {
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Role", { exact: true }).selectOption(role);
  await form.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toContainText(`Link for ${email} (${role})`);
  await expect(link).toContainText("no email is sent");
  return link.getByRole("textbox").inputValue();
}

/** In a browser of their own, the invitee opens the link, creates an account there and accepts. */
export async function acceptAsNewUser(
  browser: Browser,
  url: string,
  invitee: { name: string; email: string; workspace: string },
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: `Join ${invitee.workspace}` })).toBeVisible();
  await page.getByRole("link", { name: "create an account" }).click();
  await page.getByLabel("Name").fill(invitee.name);
  await page.getByLabel("Email").fill(invitee.email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, invitee.email);
  await expect(page).toHaveURL(/\/invitations\//, { timeout: 30_000 });
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  return page;
}

/** Creates a team workspace from the switcher; the browser switches to it. */
export async function createWorkspace(page: Page, name: string) {
  await page.getByRole("button", { name: "New workspace" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(currentWorkspace(page)).toHaveText(`${name} · owner`);
}

export const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
export const currentWorkspace = (page: Page) =>
  page.getByRole("combobox", { name: "Workspace", exact: true }).locator("option:checked");

/** Opening a streaming session is an upload: 201 for a member, 403 naming the role for a viewer. */
export const openSession = (page: Page, description: string) =>
  page.request.post("/v1/sessions", { data: { suite_id: "github", description } });
