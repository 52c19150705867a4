import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot, signUp, uniqueEmail } from "./signed-in-user";
import {
  acceptAsNewUser,
  createWorkspace,
  currentWorkspace,
  invite,
  mainNav,
  openSession,
} from "./workspace-helpers";

test("an owner invites a viewer and a member; roles decide who may upload, and a demotion applies at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Olivia Owner");
  await createWorkspace(page, "Acme Research");

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
  const viewer = await acceptAsNewUser(browser, viewerLink, {
    name: "Victor Viewer",
    email: viewerEmail,
    workspace: "Acme Research",
  });
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
  const member = await acceptAsNewUser(browser, memberLink, {
    name: "Mona Member",
    email: memberEmail,
    workspace: "Acme Research",
  });
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
