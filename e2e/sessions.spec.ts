import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { streamSession } from "../lib/ingest/stream-session";
import { signInAfterSignUp } from "./signed-in-user";

const seedKey = process.env.E2E_SEED_API_KEY ?? "tp_live_e2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2e";
const auth = { authorization: `Bearer ${seedKey}` };

test("a signed-in user uploads a recording through the page, watches its progress and lands on the session", async ({
  page,
  request,
}) => {
  const email = `upload-${Date.now()}@example.test`;
  await page.goto("/sign-up?callbackUrl=/upload");
  await page.getByLabel("Name").fill("Uploader");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password (12+ characters)").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email, "correct horse battery staple");
  await page.waitForURL("**/upload");

  // A native recording of ~3 MB, large enough for the progress bar to move through several events.
  const lines = Array.from({ length: 20_000 }, (_, i) =>
    JSON.stringify({
      timestamp: 1_763_726_400_000 + i * 50,
      type: "keydown",
      key: "a",
      url: "https://mail.google.com/",
      target: { tag: "div", role: "textbox", ariaLabel: "Message Body" },
    }),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-upload-")), "input_events.jsonl");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);

  await expect(page.getByLabel("Suite").locator("option")).toHaveCount(4);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a suite." })).toBeVisible();

  await page.getByLabel("Suite").selectOption({ label: "Gmail" });
  await page.getByLabel("Description").fill("Typing a reply");
  await page.getByLabel("Recordings").setInputFiles(file);
  const progress = page.getByRole("progressbar", { name: "Upload progress of input_events.jsonl" });
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  const shownId = await page.getByTestId("session-id").textContent();

  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split("/").pop() ?? "";
  expect(sessionId).toBe(shownId);
  // The session page is another issue's; the session itself is checked through the API with the page's cookie.
  const detail = await page.request.get(`/v1/sessions/${sessionId}`);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({
    id: sessionId,
    description: "Typing a reply",
    status: expect.stringMatching(/uploaded|processing|completed|failed/),
    files: [{ file_name: "input_events.jsonl", size_bytes: fs.statSync(file).size, format: "native" }],
  });
  // And the seeded API user cannot see it.
  expect((await request.get(`/v1/sessions/${sessionId}`, { headers: auth })).status()).toBe(404);
});

test("the page names a file that is not a recording", async ({ page }) => {
  await page.goto("/sign-up?callbackUrl=/upload");
  await page.getByLabel("Name").fill("Uploader");
  const email = `bad-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password (12+ characters)").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email, "correct horse battery staple");
  await page.waitForURL("**/upload");
  await page.getByLabel("Suite").selectOption({ label: "GitHub" });
  await page.getByLabel("Recordings").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "'notes.json' is not a recognised recording" }),
  ).toBeVisible();
});

test("a script streams 10k events with retries and duplicate sends; exactly 10k are stored", async ({
  baseURL,
}) => {
  // An ingest-scoped key, as a recorder would use.
  const created = await fetch(`${baseURL}/v1/api-keys`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ name: "e2e recorder", scope: "ingest" }),
  });
  expect(created.status).toBe(201);
  const { secret } = (await created.json()) as { secret: string };

  // A fetch that drops the first answer of every 6th call: the client must retry, and the server must not
  // store the events twice.
  let calls = 0;
  const flaky: typeof fetch = async (input, init) => {
    calls++;
    const response = await fetch(input, init);
    if (calls % 6 === 0 && String(input).endsWith("/events"))
      throw new TypeError("connection reset (simulated)");
    return response;
  };
  const result = await streamSession({
    baseUrl: baseURL ?? "",
    apiKey: secret,
    suiteId: "gmail",
    eventCount: 10_000,
    batchSize: 500,
    duplicateEvery: 3,
    replayEvery: 4,
    fetchImpl: flaky,
  });
  expect(result.retries).toBeGreaterThan(0);
  expect(result.duplicates).toBeGreaterThan(0);
  expect(result.replays).toBeGreaterThan(0);
  expect(result.storedCount).toBe(10_000);

  const late = await fetch(`${baseURL}/v1/sessions/${result.sessionId}/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify([{ id: "late", timestamp: 1, type: "click" }]),
  });
  expect(late.status).toBe(409);
});

test("the catalog endpoints return the seeded catalog and /v1/docs renders", async ({ page, request }) => {
  const suites = await (await request.get("/v1/suites", { headers: auth })).json();
  expect(suites.data.map((s: { slug: string }) => s.slug).sort()).toEqual([
    "github",
    "gmail",
    "google-calendar",
  ]);
  const map = await (await request.get("/v1/action-tool-maps/gmail-to-gmail-mcp", { headers: auth })).json();
  expect(map.mappings.length).toBeGreaterThan(0);
  expect((await request.post("/v1/suites", { headers: auth })).status()).toBe(405);

  const openapi = await (await request.get("/v1/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  await page.goto("/v1/docs");
  await expect(page.getByText("Tracepipe API").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("List your sessions").first()).toBeVisible();
  await expect(page.getByText("Streaming ingest").first()).toBeVisible();
});
