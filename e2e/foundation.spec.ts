import { expect, test } from "@playwright/test";

test("the embedded default is ready: database migrated, catalog seeded, storage writable", async ({
  request,
}) => {
  const ready = await request.get("/v1/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body.checks.database).toEqual({ status: "ok", detail: "pglite" });
  expect(body.checks.migrations.status).toBe("ok");
  expect(body.checks.storage).toEqual({ status: "ok", detail: "local" });
});

test("the landing page says what Tracepipe does and links to sign-up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tool-call training data");
  await expect(page.getByRole("main").getByRole("link", { name: "Get started" })).toHaveAttribute(
    "href",
    "/sign-up",
  );
});
