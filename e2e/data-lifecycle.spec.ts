import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import tar from "tar-stream";
import { z } from "zod";
import { createExamples, uploadRecording, waitForExamplesSettled } from "./example-data";
import { signUp } from "./signed-in-user";

type ManifestFile = { path: string; sha256: string; bytes: number };

/** The manifest of a session bundle (its last entry). */
async function manifestOf(bundle: Buffer): Promise<ManifestFile[]> {
  const extract = tar.extract();
  let manifest = "";
  extract.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c) => chunks.push(c as Buffer));
    stream.on("end", () => {
      if (header.name === "manifest.json") manifest = Buffer.concat(chunks).toString();
      next();
    });
  });
  await new Promise((resolve, reject) => {
    extract.on("finish", () => resolve(undefined));
    extract.on("error", reject);
    Readable.from(bundle).pipe(createGunzip()).pipe(extract);
  });
  return (JSON.parse(manifest) as { files: ManifestFile[] }).files;
}

async function setDataPolicy(page: Page, options: { level?: RegExp; rawDays?: string }) {
  await page.goto("/settings/data");
  await expect(page.getByRole("heading", { name: "Data" })).toBeVisible();
  if (options.level) await page.getByRole("radio", { name: options.level }).check();
  if (options.rawDays !== undefined)
    await page.getByLabel("Keep raw recordings for (days)").fill(options.rawDays);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Data policy saved")).toBeVisible();
}

async function exampleToolCalls(page: Page, sessionId: string) {
  const [exampleId] = await createExamples(page, sessionId);
  await waitForExamplesSettled(page, 1);
  const body = await (await page.request.get(`/v1/examples/${exampleId}/messages`)).text();
  return {
    body,
    calls: body
      .trim()
      .split("\n")
      .flatMap(
        (line) => JSON.parse(line).messages as { tool_calls?: { function: { arguments: string } }[] }[],
      )
      .flatMap((m) => m.tool_calls ?? [])
      .map((c) => JSON.parse(c.function.arguments) as Record<string, unknown>),
  };
}

test("strict redaction: the session list updates from the stream with no poll; the example's recipients are valid placeholder emails; the session's bundle imports into another account with the same checksums", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Redacting Rita");
  await setDataPolicy(page, { level: /Strict/ });

  // A second tab shows the sessions list. Once its stream is connected, the upload must reach that list through
  // the stream alone: every request for the list (what a poll would be) is counted.
  const watcher = await page.context().newPage();
  const listRequests: string[] = [];
  watcher.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname === "/v1/sessions") listRequests.push(url.search);
  });
  await watcher.goto("/sessions");
  await expect(watcher.locator("html")).toHaveAttribute("data-live-updates", "connected");
  // The first connection reads the list once (what changed since the page was rendered), then never again.
  await expect.poll(() => listRequests.length).toBe(1);

  const sessionId = await uploadRecording(page, {
    suite: "gmail",
    recording: "gmail-compose-send",
    description: "Compose under strict redaction",
  });
  const row = watcher.getByTestId("session-row").filter({ hasText: sessionId });
  await expect(row.getByTestId("status-badge")).toHaveText("completed");
  await expect(row).toContainText("Compose under strict redaction");
  expect(listRequests).toHaveLength(1);
  await watcher.close();
  const { body, calls } = await exampleToolCalls(page, sessionId);
  expect(body).not.toMatch(/alice@|bob@|carol@|lovelace/i);
  const send = calls.find((call) => Array.isArray(call.to));
  const recipients = z.array(z.email()).parse(send?.to);
  expect(recipients.length).toBeGreaterThan(0);
  for (const address of recipients) expect(address).toMatch(/^person\d+@example\.com$/);

  // Export from the session page.
  await page.goto(`/sessions/${sessionId}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export bundle" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`session-${sessionId}.tar.gz`);
  const bundlePath = await download.path();
  const exported = await manifestOf(readFileSync(bundlePath));
  expect(exported.map((f) => f.path)).toEqual(
    expect.arrayContaining(["session.json", "artifacts/bronze.jsonl"]),
  );

  // Import into another account from its upload page: first a check, then the import.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, "Importing Ivo");
  await otherPage.goto("/upload");
  await otherPage.getByLabel("Session bundle (.tar.gz)").setInputFiles(bundlePath);
  await otherPage.getByRole("button", { name: "Check only" }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "The bundle is valid" })).toBeVisible();
  await otherPage.getByRole("button", { name: "Import", exact: true }).click();
  await expect(otherPage).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const importedId = otherPage.url().split("/").pop() as string;
  expect(importedId).not.toBe(sessionId);
  const again = await otherPage.request.get(`/v1/sessions/${importedId}/bundle`);
  expect(again.status()).toBe(200);
  expect(await manifestOf(await again.body())).toEqual(exported);
  await other.close();
});

test("retention 0: the raw recording is gone after processing while the example stays", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "Forgetful Fay");
  await setDataPolicy(page, { rawDays: "0" });
  const sessionId = await uploadRecording(page, {
    suite: "gmail",
    recording: "gmail-compose-send",
    description: "Compose with retention 0",
  });
  const detail = await (await page.request.get(`/v1/sessions/${sessionId}`)).json();
  expect(detail.files).toEqual([]);
  expect(detail.raw_bytes).toBe(0);
  const { calls } = await exampleToolCalls(page, sessionId);
  expect(calls.length).toBeGreaterThan(0);
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByTestId("retention-notice")).toHaveText(
    "Raw recording deleted after processing. Examples are kept.",
  );
});
