import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUp } from "./signed-in-user";

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
