import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { type FakeEntra, startFakeEntra } from "../test/fakes/oidc-entra";
import { createSelfSignedCert } from "../test/fakes/oidc-self-signed-cert";

// A second app instance configured for Entra, against a local OpenID provider shaped like an External ID tenant.
const basePort = Number(process.env.E2E_PORT ?? 3210);
const appPort = Number(process.env.E2E_ENTRA_APP_PORT ?? basePort + 1);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? basePort + 2);
const appUrl = `http://127.0.0.1:${appPort}`;
const dataDir = `${process.env.E2E_DATA_DIR ?? ".test-data/e2e"}-entra`;
const AUDIENCE = "api://tracepipe-e2e";

let entra: FakeEntra;
let app: ChildProcess | undefined;
let appLog = "";

test.describe.configure({ mode: "serial", timeout: 180_000 });
// The tenant's self-signed certificate; the app trusts it through NODE_EXTRA_CA_CERTS.
test.use({ ignoreHTTPSErrors: true });

test.beforeAll(async () => {
  const tls = createSelfSignedCert();
  entra = await startFakeEntra({
    port: oidcPort,
    tls,
    redirectUris: [`${appUrl}/api/auth/callback/microsoft-entra-id`],
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  app = spawn("npx", ["next", "start", "-p", String(appPort)], {
    detached: true,
    env: {
      ...process.env,
      TRACEPIPE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      TRACEPIPE_SEED_API_KEY: "",
      LOG_LEVEL: "debug",
      AUTH_MICROSOFT_ENTRA_ID_ID: entra.clientId,
      AUTH_MICROSOFT_ENTRA_ID_SECRET: entra.clientSecret,
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: entra.issuer,
      ENTRA_API_AUDIENCE: AUDIENCE,
      NODE_EXTRA_CA_CERTS: tls.certPath,
    },
  });
  app.stdout?.on("data", (chunk) => {
    appLog += chunk;
  });
  app.stderr?.on("data", (chunk) => {
    appLog += chunk;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(`${appUrl}/v1/ready`).catch(() => undefined);
    if (ready?.ok) break;
    if (Date.now() > deadline) throw new Error(`Entra app did not become ready:\n${appLog}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  // The second instance's output, for diagnosing a failed sign-in.
  fs.writeFileSync(`${dataDir}.log`, appLog);
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await entra?.close();
});

async function signInThroughEntra(page: Page, login: string) {
  await page.goto(`${appUrl}/settings/api-keys`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  // The tenant's login page (oidc-provider's interaction), then its consent page.
  await expect(page).toHaveURL(new RegExp(`^https://127.0.0.1:${oidcPort}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${appUrl}/settings/api-keys`);
  const me = await page.request.get(`${appUrl}/v1/users/me`);
  expect(me.status()).toBe(200);
  return (await me.json()) as { id: string; email: string; displayName: string };
}

test("sign in through the Entra-like OIDC provider: the first sign-in creates the user, the second finds it", async ({
  browser,
}) => {
  const first = await browser.newContext();
  const user = await signInThroughEntra(await first.newPage(), "ada@contoso.example");
  expect(user).toMatchObject({ email: "ada@contoso.example", displayName: "Test ada" });
  await first.close();

  const second = await browser.newContext();
  const again = await signInThroughEntra(await second.newPage(), "ada@contoso.example");
  expect(again.id).toBe(user.id);
  await second.close();

  // Local passwords are off when Entra is configured.
  const page = await browser.newPage();
  await page.goto(`${appUrl}/sign-up`);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.close();
});

test("an Entra access token for our API authenticates as the same user; a wrong audience is 401", async ({
  request,
}) => {
  const oid = entra.objectIdFor("ada@contoso.example");
  const token = await entra.signAccessToken({ aud: AUDIENCE, oid, name: "Test ada" });
  const me = await request.get(`${appUrl}/v1/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe("ada@contoso.example");
  const wrong = await entra.signAccessToken({ aud: "api://other", oid });
  expect(
    (await request.get(`${appUrl}/v1/users/me`, { headers: { Authorization: `Bearer ${wrong}` } })).status(),
  ).toBe(401);
  expect(appLog).not.toContain(token);
  expect(appLog).not.toContain(entra.clientSecret);
});
