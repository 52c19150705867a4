import { expect, type Page, test } from "@playwright/test";
import { signInAfterSignUp } from "./signed-in-user";

const SEED_KEY = process.env.E2E_SEED_API_KEY ?? "tp_live_e2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2e";
const PASSWORD = "a long enough password 1";
const uniqueEmail = () => `user-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function signUp(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Playwright User");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await signInAfterSignUp(page, email, PASSWORD);
  // A new account lands on the dashboard; these tests work on the API keys page.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await page.goto("/settings/api-keys");
}

async function generateKey(page: Page, name: string, scope: "ingest" | "read" | "full") {
  await page.getByRole("button", { name: "Generate new key" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption(scope);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert")).toContainText("only time it is shown");
  const secret = await page.getByTestId("new-api-key").inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  return secret;
}

test("sign up → generate a key → GET /v1/users/me with it → revoke → 401", async ({ page, request }) => {
  const email = uniqueEmail();
  await signUp(page, email);
  await page.reload();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  const secret = await generateKey(page, "e2e key", "read");
  expect(secret).toMatch(/^tp_live_[0-9A-Za-z]{43}$/);
  const row = page.getByTestId("api-key-row").filter({ hasText: "e2e key" });
  await expect(row).toContainText(`${secret.slice(0, 12)}…${secret.slice(-4)}`);
  await expect(row).toContainText("read");
  await expect(page.getByText(secret)).toHaveCount(0);

  const me = await request.get("/v1/users/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email, displayName: "Playwright User" });
  expect(me.headers()["x-ratelimit-limit"]).toBeTruthy();
  expect(me.headers()["x-ratelimit-remaining"]).toBeTruthy();
  expect(me.headers()["x-ratelimit-reset"]).toBeTruthy();

  // A read key may not manage keys.
  expect((await request.get("/v1/api-keys", { headers: { "X-API-Key": secret } })).status()).toBe(403);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "e2e key" })).toHaveCount(0);
  const after = await request.get("/v1/users/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toContain("application/problem+json");
});

test("protected pages redirect to sign-in and back; wrong passwords get a generic error; sign out ends the session", async ({
  page,
  playwright: { request: playwrightRequest },
  baseURL,
}) => {
  const email = uniqueEmail();
  await signUp(page, email);
  // The browser session is a credential for the API too.
  const viaSession = await page.request.get("/v1/users/me");
  expect(viaSession.status()).toBe(200);
  expect((await viaSession.json()).email).toBe(email);

  // Someone copies the session cookie before the owner signs out.
  const cookieHeader = (await page.context().cookies())
    .filter((cookie) => cookie.name.includes("authjs.session-token"))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
  expect(cookieHeader).not.toBe("");
  const copy = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader } });
  expect((await copy.get("/v1/users/me")).status()).toBe(200);

  await page.getByRole("button", { name: "Playwright User", exact: true }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/v1/users/me")).status()).toBe(401);
  // The copy is dead too: the session ended on the server, not just in this browser.
  expect((await copy.get("/v1/users/me")).status()).toBe(401);
  await copy.dispose();

  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fapi-keys/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test("the development seed key belongs to dev@tracepipe.local with full scope", async ({ request }) => {
  const me = await request.get("/v1/users/me", { headers: { "X-API-Key": SEED_KEY } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("dev@tracepipe.local");
  expect((await request.get("/v1/api-keys", { headers: { "X-API-Key": SEED_KEY } })).status()).toBe(200);
});
