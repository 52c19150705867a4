import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { STORAGE_PRICE_PER_GB_HOUR, TOKEN_PRICES } from "../lib/billing/prices";
import { signUp } from "./signed-in-user";
import { trySample } from "./try-sample";

const run = promisify(execFile);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the landing page shows the price list's prices in words a newcomer knows", async ({ page }) => {
  await page.goto("/");
  const pricing = page.getByRole("region", { name: /Pricing/ });
  await expect(pricing.getByRole("row", { name: /tracepipe-rules-1/ })).toContainText("free");
  for (const [slug, price] of Object.entries(TOKEN_PRICES)) {
    const row = pricing.getByRole("row", { name: new RegExp(slug) });
    await expect(row).toContainText(`$${price.inputPerMillion} / 1M input`);
    await expect(row).toContainText(`$${price.outputPerMillion} / 1M output`);
  }
  await expect(pricing).toContainText(`$${STORAGE_PRICE_PER_GB_HOUR} per GB-hour`);
  // The pipeline's layers are named by what they hold, not by the medal names used inside the code.
  await expect(page.locator("main")).not.toContainText(/bronze|silver|gold/i);
});

test("a new account tries a sample: a processed session and its example within 10 s of signing up", async ({
  page,
}) => {
  await signUp(page, "Sam Sample");
  const samples = page.getByRole("region", { name: "Try a sample recording" });
  // One sample per catalog suite, each also downloadable as the file it uploads.
  const suites = (await (await page.request.get("/v1/suites")).json()) as { data: { name: string }[] };
  for (const suite of suites.data) {
    await expect(samples.getByRole("button", { name: `Try a ${suite.name} sample` })).toBeVisible();
    const link = samples.getByRole("link", { name: suite.name, exact: true });
    const file = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(file.status()).toBe(200);
    expect((await file.text()).split("\n")[0]).toContain('"type":"meta"');
  }

  const { seconds, sessionId } = await trySample(page, "Gmail");
  process.stdout.write(
    `Try a sample (Gmail): session and example completed ${seconds.toFixed(1)} s after the click\n`,
  );
  expect(seconds).toBeLessThan(10);
  await expect(page.getByTestId("action-count")).toHaveText("2");

  // The example is the sample's real output: the search and the sent email as MCP tool calls.
  await page.getByTestId("example-row").getByRole("link").first().click();
  await expect(page.getByText("send_email", { exact: true })).toBeVisible();
  await expect(page.getByText("search_emails", { exact: true })).toBeVisible();

  // The dashboard no longer offers samples once the account has a session; the session is listed.
  await page.goto("/dashboard");
  const row = page.getByTestId("recent-session-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Sample: search the inbox");
  await expect(row.getByRole("link").first()).toHaveAttribute("href", `/sessions/${sessionId}`);
  await expect(page.getByRole("region", { name: "Try a sample recording" })).toHaveCount(0);
});

async function createKey(page: Page, scope: "ingest" | "read" | "full") {
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByLabel("Name").fill(`${scope} key`);
  await page.getByLabel("Scope").selectOption(scope);
  await expect(page.getByTestId("scope-help")).toBeVisible();
  const help = await page.getByTestId("scope-help").textContent();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  const commands = await page.getByTestId("key-command").locator("code").allTextContents();
  return { help, commands };
}

/** Runs the dialog's shell commands as a user would paste them (the CLI lines are checked by its own tests). */
async function runInShell(commands: string[]) {
  const script = commands.filter((c) => !c.includes("npx tracepipe")).join("\n");
  const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script]);
  return stdout;
}

test("the new-key dialog explains scopes and gives commands that run as they are", async ({ page }) => {
  await signUp(page, "Kim Keys");
  await page.goto("/settings/api-keys");

  const ingest = await createKey(page, "ingest");
  expect(ingest.help).toContain("cannot read");
  expect(ingest.commands.join("\n")).toContain("/v1/sessions/$SESSION/events");
  expect(ingest.commands.join("\n")).toContain("npx tracepipe upload");
  // Each command has its own copy button.
  await expect(page.getByRole("button", { name: /^Copy: / })).toHaveCount(ingest.commands.length);
  const streamed = await runInShell(ingest.commands);
  expect(streamed).toContain('"accepted":1');
  expect(streamed).toContain('"event_count":1');
  await page.getByRole("button", { name: "Done" }).click();

  const read = await createKey(page, "read");
  expect(read.help).toContain("cannot upload");
  const listed = JSON.parse(await runInShell(read.commands)) as { data: { description: string }[] };
  expect(listed.data.map((s) => s.description)).toContain("My first session");
  await page.getByRole("button", { name: "Done" }).click();

  const full = await createKey(page, "full");
  expect(full.commands.join("\n")).toContain("npx tracepipe examples");
  await page.getByRole("button", { name: "Copy: List your sessions (curl)" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    full.commands.find((c) => c.startsWith('curl -sS "$TRACEPIPE_URL/v1/sessions"')),
  );
  await page.getByRole("button", { name: "Done" }).click();
});
