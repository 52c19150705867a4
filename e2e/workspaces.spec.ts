import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { PASSWORD, screenshot, signInAfterSignUp, signUp, uniqueEmail } from "./signed-in-user";

/** Creates an invitation on the Members page and returns the link shown to copy. */
async function invite(page: Page, email: string, role: "viewer" | "member") {
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
async function acceptAsNewUser(browser: Browser, url: string, name: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Join Acme Research" })).toBeVisible();
  await page.getByRole("link", { name: "create an account" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email);
  await expect(page).toHaveURL(/\/invitations\//, { timeout: 30_000 });
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  return page;
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const currentWorkspace = (page: Page) =>
  page.getByRole("combobox", { name: "Workspace", exact: true }).locator("option:checked");

/** Opening a streaming session is an upload: 201 for a member, 403 naming the role for a viewer. */
const openSession = (page: Page, description: string) =>
  page.request.post("/v1/sessions", { data: { suite_id: "github", description } });

test("an owner invites a viewer and a member; roles decide who may upload, and a demotion applies at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Olivia Owner");
  await page.getByRole("button", { name: "New workspace" }).click();
  await page.getByLabel("Name").fill("Acme Research");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(currentWorkspace(page)).toHaveText("Acme Research · owner");

  await mainNav(page).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  const viewerEmail = uniqueEmail("viewer");
  const memberEmail = uniqueEmail("member");
  const viewerLink = await invite(page, viewerEmail, "viewer");
  const memberLink = await invite(page, memberEmail, "member");
  await expect(page.getByTestId("invitation-row")).toHaveCount(2);
  await screenshot(page, "workspace-members-invited");

  // The viewer browses the workspace but has no way to upload: no link, no button, and the API refuses.
  const viewer = await acceptAsNewUser(browser, viewerLink, "Victor Viewer", viewerEmail);
  await expect(currentWorkspace(viewer)).toHaveText("Acme Research · viewer");
  await expect(mainNav(viewer).getByRole("link", { name: "Upload" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Upload a recording" })).toHaveCount(0);
  await mainNav(viewer).getByRole("link", { name: "Sessions" }).click();
  await expect(viewer.getByRole("heading", { name: "Sessions", exact: true, level: 1 })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Upload a recording" })).toHaveCount(0);
  const refused = await openSession(viewer, "not allowed");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ role: "viewer", permission: "upload" });

  // The member uploads through the page.
  const member = await acceptAsNewUser(browser, memberLink, "Mona Member", memberEmail);
  await mainNav(member).getByRole("link", { name: "Upload" }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-ws-")), "input_events.jsonl");
  const line = (i: number) =>
    JSON.stringify({
      timestamp: 1_763_726_400_000 + i * 50,
      type: "click",
      url: "https://github.com/",
      target: { tag: "button" },
    });
  fs.writeFileSync(file, `${[0, 1, 2].map(line).join("\n")}\n`);
  await member.getByLabel("Suite").selectOption({ label: "GitHub" });
  await member.getByLabel("Description").fill("Member's recording");
  await member.getByLabel("Recordings").setInputFiles(file);
  await member.getByRole("button", { name: "Upload", exact: true }).click();
  await member.waitForURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  // The viewer sees the member's session: the data is the workspace's.
  await viewer.reload();
  await expect(viewer.getByText("Member's recording")).toBeVisible();

  // The owner demotes the member; the member's next upload is refused.
  await page.reload();
  await expect(page.getByTestId("member-row")).toHaveCount(3);
  await page.getByLabel(`Role of ${memberEmail}`).selectOption("viewer");
  await expect(page.getByText(`${memberEmail} is now viewer`)).toBeVisible();
  const afterDemotion = await openSession(member, "after demotion");
  expect(afterDemotion.status()).toBe(403);
  expect(await afterDemotion.json()).toMatchObject({ role: "viewer", permission: "upload" });
  await member.reload();
  await expect(mainNav(member).getByRole("link", { name: "Upload" })).toHaveCount(0);
  await screenshot(page, "workspace-members-demoted");

  // The last owner cannot be demoted or leave.
  const lastOwner = await page.request.post("/v1/workspace/leave");
  expect(lastOwner.status()).toBe(409);
  const workspace = await page.request.get("/v1/workspace");
  expect(await workspace.json()).toMatchObject({ name: "Acme Research", role: "owner", personal: false });
});
