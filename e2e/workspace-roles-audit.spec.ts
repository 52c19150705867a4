import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, type Page, test } from "@playwright/test";
import { screenshot, signUp, uniqueEmail } from "./signed-in-user";
import {
  acceptAsNewUser,
  createWorkspace,
  currentWorkspace,
  invite,
  mainNav,
  openSession,
} from "./workspace-helpers";

// Issue 14's "done when", as one flow: roles decide who uploads, a demotion applies at once, every step is in the
// audit log page, and `npm run audit:verify` passes on the database, then fails once an entry is altered in it.

test.describe.configure({ timeout: 300_000 });

const SERVER_DATA_DIR = process.env.E2E_DATA_DIR ?? ".test-data/e2e";

/**
 * The server's embedded database opens in one process only, so audit:verify runs on a copy of its data folder
 * taken between requests: PGlite writes each commit's WAL before answering, so the copy opens like a database
 * after a power cut, with every acknowledged write.
 */
function copyServerDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-audit-verify-"));
  fs.cpSync(path.join(SERVER_DATA_DIR, "pglite"), path.join(dir, "pglite"), { recursive: true });
  return dir;
}

function auditVerify(dataDir: string): { code: number | null; out: string } {
  const run = spawnSync("npm", ["run", "--silent", "audit:verify"], {
    env: { ...process.env, TRACEPIPE_DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** What someone with access to the database files does: pause the trigger and rewrite one entry. */
async function alterEntry(dataDir: string, id: string) {
  const db = await PGlite.create(path.join(dataDir, "pglite"));
  try {
    await db.exec("alter table audit_log disable trigger audit_log_append_only");
    await db.query(`update audit_log set after = '{"role":"member"}'::jsonb where id = $1`, [id]);
    await db.exec("alter table audit_log enable trigger audit_log_append_only");
  } finally {
    await db.close();
  }
}

const auditTypes = (page: Page) =>
  page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr td:nth-child(2) span");

const uploadThroughPage = async (page: Page, description: string) => {
  await mainNav(page).getByRole("link", { name: "Upload" }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-roles-")), "input_events.jsonl");
  const line = (i: number) =>
    JSON.stringify({
      timestamp: 1_763_726_400_000 + i * 50,
      type: "click",
      url: "https://github.com/",
      target: { tag: "button" },
    });
  fs.writeFileSync(file, `${[0, 1, 2].map(line).join("\n")}\n`);
  await page.getByLabel("Suite").selectOption({ label: "GitHub" });
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Recordings").setInputFiles(file);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
};

test("roles decide who uploads, every step is audited, and audit:verify catches an altered entry", async ({
  page,
  browser,
}) => {
  await signUp(page, "Olga Owner");
  await createWorkspace(page, "Audited Lab");
  await page.goto("/settings/members");
  const viewerEmail = uniqueEmail("viewer");
  const memberEmail = uniqueEmail("member");
  const viewerLink = await invite(page, viewerEmail, "viewer");
  const memberLink = await invite(page, memberEmail, "member");

  // The viewer browses but cannot upload: no Upload link or button, and the API refuses with 403.
  const viewer = await acceptAsNewUser(browser, viewerLink, {
    name: "Vera Viewer",
    email: viewerEmail,
    workspace: "Audited Lab",
  });
  await expect(currentWorkspace(viewer)).toHaveText("Audited Lab · viewer");
  await mainNav(viewer).getByRole("link", { name: "Sessions" }).click();
  await expect(viewer.getByRole("heading", { name: "Sessions", exact: true, level: 1 })).toBeVisible();
  await expect(mainNav(viewer).getByRole("link", { name: "Upload" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Upload a recording" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Upload", exact: true })).toHaveCount(0);
  const refused = await openSession(viewer, "viewer tries");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ role: "viewer", permission: "upload" });

  // The member uploads through the Upload page.
  const member = await acceptAsNewUser(browser, memberLink, {
    name: "Milo Member",
    email: memberEmail,
    workspace: "Audited Lab",
  });
  await uploadThroughPage(member, "Milo's recording");

  // The owner makes the member a viewer; the next upload is refused and the Upload link is gone.
  await page.reload();
  await page.getByLabel(`Role of ${memberEmail}`).selectOption("viewer");
  await expect(page.getByText(`${memberEmail} is now viewer`)).toBeVisible();
  const afterDemotion = await openSession(member, "after demotion");
  expect(afterDemotion.status()).toBe(403);
  expect(await afterDemotion.json()).toMatchObject({ role: "viewer", permission: "upload" });
  await member.reload();
  await expect(mainNav(member).getByRole("link", { name: "Upload" })).toHaveCount(0);

  // Every step is on the owner's audit log page, newest first.
  await page.goto("/settings/audit-log");
  await expect(auditTypes(page)).toHaveText([
    "workspace.member_role_changed",
    "workspace.invitation_accepted",
    "workspace.invitation_accepted",
    "workspace.invitation_created",
    "workspace.invitation_created",
    "workspace.created",
  ]);
  const rows = page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr");
  await expect(rows.nth(0)).toContainText('before {"role":"member"} → after {"role":"viewer"}');
  await screenshot(page, "workspace-roles-audit-log");

  // audit:verify passes on the database as it is, then fails once the role change is rewritten in it.
  const events = await (await page.request.get("/v1/audit-events?type=workspace.member_role_changed")).json();
  const roleChange = events.data[0];
  expect(roleChange).toMatchObject({ before: { role: "member" }, after: { role: "viewer" } });
  const copy = copyServerDatabase();
  try {
    const intact = auditVerify(copy);
    expect(intact.out).toContain("every chain is intact");
    expect(intact.code).toBe(0);
    await alterEntry(copy, roleChange.id);
    const altered = auditVerify(copy);
    expect(altered.code).toBe(1);
    expect(altered.out).toContain(`BROKEN at entry ${roleChange.id}`);
    expect(altered.out).toContain("hash does not match");
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
