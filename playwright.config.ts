import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? ".test-data/e2e";
// The fake Stripe (test/fakes/stripe-server.ts) that the app's SDK talks to and that POSTs signed webhooks back.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 3);
const stripe = {
  STRIPE_SECRET_KEY: "sk_test_e2eFakeStripeKey0000000000",
  STRIPE_WEBHOOK_SECRET: "whsec_e2eFakeStripeWebhookSecret000",
  STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`,
};

// Runs against the built app (`next start`) with a fresh embedded data folder, in Debian's Chromium: this
// machine cannot download Playwright's own browser build.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx test/fakes/stripe-server.ts",
      url: `${stripe.STRIPE_API_BASE}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        ...stripe,
        STRIPE_FAKE_PORT: String(stripePort),
        STRIPE_FAKE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/stripe/webhook`,
      },
    },
    {
      command: `rm -rf ${dataDir} && npx next start -p ${port}`,
      url: `http://127.0.0.1:${port}/v1/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        TRACEPIPE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        TRACEPIPE_SEED_API_KEY:
          process.env.E2E_SEED_API_KEY ?? "tp_live_e2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2e",
        CALLBACK_ALLOW_PRIVATE_ADDRESSES: "1",
        // Every spec signs in from 127.0.0.1; the per-address limit is tested in accounts.int.test.ts.
        RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000",
        ...stripe,
      },
    },
  ],
});
