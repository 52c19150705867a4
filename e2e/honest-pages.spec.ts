import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUp } from "./signed-in-user";
import { trySample } from "./try-sample";

test("a missing session or example page answers 404, and every page has a favicon", async ({
  page,
  request,
}) => {
  await signUp(page, "Honest Pages");
  for (const path of [`/sessions/${randomUUID()}`, `/examples/${randomUUID()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/");
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("the API reference works offline, shows only Tracepipe's API, and leads back to the app", async ({
  page,
  baseURL,
}) => {
  const offOrigin: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "") && !request.url().startsWith("data:"))
      offOrigin.push(request.url());
  });
  const failed: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") failed.push(message.text());
  });
  await page.goto("/v1/docs");
  await expect(page.getByRole("heading", { name: "Tracepipe API" }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("List your sessions").first()).toBeVisible();
  // The reference has rendered its text, so any web font it uses has been requested by now.
  await page.waitForLoadState("load");
  // No fonts (or anything else) from the internet: the page works without it, and the CSP would block it anyway.
  expect(offOrigin).toEqual([]);
  expect(failed.filter((text) => /Content Security Policy|font/i.test(text))).toEqual([]);

  // The docs tool's own products are not offered, and internal routes are not listed.
  for (const name of ["Ask AI", "Open API Client", "Generate MCP", "Connect MCP", "Deploy"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByText("/v1/bench")).toHaveCount(0);
  const document = (await (await page.request.get("/v1/openapi.json")).json()) as { paths: object };
  expect(Object.keys(document.paths).filter((p) => p.startsWith("/v1/bench"))).toEqual([]);

  await page.screenshot({ path: "test-results/screenshots/api-docs.png" });
  await page.getByRole("link", { name: "Back to Tracepipe" }).click();
  await expect(page).toHaveURL(/\/(dashboard|sign-in)/);
});

test("the examples list links each session, and the user menu is named after the person", async ({
  page,
}) => {
  await signUp(page, "Una Named");
  await expect(page.getByRole("button", { name: "Una Named", exact: true })).toBeVisible();
  const { sessionId } = await trySample(page, "Google Calendar");
  await page.goto("/examples");
  const sessionLink = page.getByTestId("example-row").getByRole("link", { name: sessionId.slice(0, 8) });
  await sessionLink.click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
});
