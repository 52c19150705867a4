import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { PASSWORD, signInAfterSignUp, signUp, uniqueEmail } from "./signed-in-user";

// Sign-up and sign-in run scrypt; on a loaded two-core machine a test here may take a few minutes.
test.describe.configure({ timeout: 180_000 });

/** Collects the CSP violations a page reports (Chromium logs each blocked script, style or frame). */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function fillSignUp(page: Page, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Hardening Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("every page carries a strict CSP with a fresh nonce, frame denial, nosniff and a referrer policy, and runs under it", async ({
  page,
  request,
}) => {
  const violations = watchCspViolations(page);
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/sign-up", "/guide"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    nonces.add(csp.match(/'nonce-([^']+)'/)?.[1] ?? "");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Every script in the HTML carries the nonce; nothing inline runs without it.
    const html = await response.text();
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);

  // The app itself works under the policy: hydration, client navigation, a server action.
  await signUp(page, "Csp Checker");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  const dashboard = await page.request.get("/dashboard");
  expect(dashboard.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The API reference has its own policy; Scalar renders under it.
  await page.goto("/v1/docs");
  await expect(page.getByText("Tracepipe API").first()).toBeVisible({ timeout: 30_000 });
  const docs = await request.get("/v1/docs");
  expect(docs.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-[^']+'/);
  expect(docs.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const api = await request.get("/v1/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(violations).toEqual([]);
});

test("a page cannot be framed by another site", async ({ page }) => {
  const violations = watchCspViolations(page);
  await page.setContent(`<iframe id="f" src="${test.info().project.use.baseURL}/sign-in"></iframe>`);
  await page.waitForTimeout(1000);
  const frame = page.frames().find((f) => f.url().includes("/sign-in"));
  const hasForm = frame
    ? await frame
        .locator("form")
        .count()
        .catch(() => 0)
    : 0;
  expect(hasForm).toBe(0);
  expect(violations.join("\n")).toMatch(/frame-ancestors|Refused to display/);
});

test("sign-up answers the same for a new and a taken email, and refuses a weak password with a clear message", async ({
  page,
}) => {
  const email = uniqueEmail("taken");
  await fillSignUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-up$/, { timeout: 30_000 });
  const firstAnswer = await page.getByRole("status").textContent();
  await fillSignUp(page, email, "a different good passphrase 9");
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-up$/, { timeout: 30_000 });
  expect(await page.getByRole("status").textContent()).toBe(firstAnswer);
  // The owner's password still works; the second attempt changed nothing.
  await signInAfterSignUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });

  const context = await page.context().browser()?.newContext();
  const fresh = await context?.newPage();
  if (!fresh || !context) throw new Error("no browser context");
  const weakEmail = uniqueEmail("weak");
  await fillSignUp(fresh, weakEmail, "password1234");
  await expect(fresh.getByText(/too easy to guess/).first()).toBeVisible({ timeout: 30_000 });
  await expect(fresh).toHaveURL(/\/sign-up$/);
  await fillSignUp(fresh, weakEmail, `${weakEmail}!`);
  await expect(
    fresh.getByText("Choose a password that does not contain your email address.").first(),
  ).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test("sign out everywhere ends the sessions of every browser", async ({ page, browser }) => {
  const email = await signUp(page, "Everywhere");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill(PASSWORD);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  expect((await otherPage.request.get("/v1/users/me")).status()).toBe(200);

  await page.goto("/settings/security");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere/, { timeout: 30_000 });
  await expect(page.getByRole("status")).toContainText("Every session has been signed out");
  expect((await otherPage.request.get("/v1/users/me")).status()).toBe(401);
  await otherPage.goto("/settings/api-keys");
  await expect(otherPage.getByLabel("Email")).toBeVisible();
  await other.close();
});

/** A sign-in through Auth.js' own endpoint, as a password-guessing script would send it. */
async function postCredentials(
  request: APIRequestContext,
  email: string,
  password: string,
  forwardedFor: string,
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/dashboard" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  if (/error=CredentialsSignin&code=throttled/.test(location)) return "throttled";
  if (/error=CredentialsSignin/.test(location)) return "invalid";
  return location.endsWith("/dashboard") ? "signed in" : `unexpected ${response.status()} ${location}`;
}

test("rotating X-Forwarded-For does not reset sign-in throttling; a throttled account refuses the right password", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = await signUp(page, "Target");
  const attacker = await playwright.request.newContext({ baseURL });
  const outcomes: string[] = [];
  for (let i = 0; i < 8; i++) {
    outcomes.push(await postCredentials(attacker, email, `guess number ${i}`, `203.0.113.${i + 1}`));
  }
  expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("invalid"));
  expect(outcomes.slice(5)).toEqual(Array(3).fill("throttled"));
  expect(await postCredentials(attacker, email, PASSWORD, "198.51.100.77")).toBe("throttled");
  await attacker.dispose();
});

test("a cross-site write with the session cookie is refused; same-origin JSON is accepted", async ({
  page,
}) => {
  await signUp(page, "Csrf Target");
  const foreign = await page.request.post("/v1/api-keys", {
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
    data: JSON.stringify({ name: "planted", scope: "full" }),
  });
  expect(foreign.status()).toBe(403);
  const crossSite = await page.request.post("/v1/api-keys", {
    headers: { "sec-fetch-site": "cross-site" },
    data: { name: "planted", scope: "full" },
  });
  expect(crossSite.status()).toBe(403);
  // From the page itself (the browser sets Origin and Sec-Fetch-Site).
  const status = await page.evaluate(async () => {
    const response = await fetch("/v1/api-keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "from the page", scope: "read" }),
    });
    return response.status;
  });
  expect(status).toBe(201);
  const plain = await page.evaluate(async () => {
    const response = await fetch("/v1/api-keys", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ name: "plain", scope: "read" }),
    });
    return response.status;
  });
  expect(plain).toBe(415);
});
