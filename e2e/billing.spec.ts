import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import Stripe from "stripe";
import { type FakeOpenAiServer, startOpenAiCompatibleServer } from "../test/fakes/openai-compatible-server";
import { type FakeStripe, startFakeStripe } from "../test/fakes/stripe-server";
import { uploadRecording } from "./example-data";
import { screenshot, signUp } from "./signed-in-user";

// The app talks to the fake Stripe of playwright.config.ts through STRIPE_API_BASE; its hosted checkout page
// POSTs a signed checkout.session.completed webhook to the app before redirecting back.
test("a new user adds a card through Stripe Checkout, sees it on the Billing page and opens the Billing Portal", async ({
  page,
}) => {
  await signUp(page, "Billing Buyer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  await expect(page.getByText("No card on file")).toBeVisible();
  await expect(page.getByText("No billable usage this period yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await expect(page.getByRole("heading", { name: "Save a card for future payments" })).toBeVisible();
  await page.getByRole("button", { name: "Save card" }).click();

  await expect(page).toHaveURL(/\/settings\/billing\?setup=success$/);
  const card = page.getByTestId("card-on-file");
  await expect(card).toContainText("visa");
  await expect(card).toContainText("ending in 4242");
  await expect(card).toContainText(/expires 12\/\d{4}/);
  await screenshot(page, "billing-card-on-file");

  await page.getByRole("button", { name: "Change card" }).click();
  await expect(page).toHaveURL(/\/portal\/bps_/);
  await expect(page.getByText("Payment method: Visa •••• 4242")).toBeVisible();
  await page.getByRole("button", { name: "Use a new card (Mastercard •••• 4444)" }).click();
  await expect(page.getByText("Payment method: Mastercard •••• 4444")).toBeVisible();
  await page.getByRole("link", { name: "Return to Tracepipe" }).click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  // The portal's change reached the app by the signed customer.updated webhook.
  await expect(card).toContainText("mastercard");
  await expect(card).toContainText("ending in 4444");
});

// The whole billing cycle needs an LLM gateway, which the shared app has not (other specs check LLM models are
// disabled there): a second app instance with the fake OpenAI-compatible server, its own fake Stripe (whose
// customers live on test clocks) and its own data folder.
const basePort = Number(process.env.E2E_PORT ?? 3210);
const appPort = Number(process.env.E2E_BILLING_APP_PORT ?? basePort + 4);
const appUrl = `http://127.0.0.1:${appPort}`;
const dataDir = `${process.env.E2E_DATA_DIR ?? ".test-data/e2e"}-billing`;
// Long answers make the output tokens worth whole cents, so the reconciliation compares real amounts.
const INSTRUCTION = `Email Ana about lunch tomorrow. ${"Please keep it short and friendly. ".repeat(1500)}`;

test.describe("billing cycle on an app with an LLM gateway", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  test.use({ baseURL: appUrl });
  let llm: FakeOpenAiServer;
  let stripe: FakeStripe;
  let app: ChildProcess | undefined;
  let appLog = "";

  test.beforeAll(async () => {
    llm = await startOpenAiCompatibleServer({
      apiKey: "sk-llm-e2e",
      // Classification asks for JSON (nothing to add to the rules here); instructions are prose.
      respond: (request) => (request.response_format ? JSON.stringify({ actions: [] }) : INSTRUCTION),
    });
    stripe = await startFakeStripe({ webhookUrl: `${appUrl}/api/stripe/webhook` });
    fs.rmSync(dataDir, { recursive: true, force: true });
    app = spawn("npx", ["next", "start", "-p", String(appPort)], {
      detached: true,
      env: {
        ...process.env,
        TRACEPIPE_DATA_DIR: dataDir,
        DATABASE_URL: "",
        TRACEPIPE_SEED_API_KEY: "",
        RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000",
        LLM_BASE_URL: llm.url,
        LLM_API_KEY: "sk-llm-e2e",
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.url,
        STRIPE_TEST_CLOCKS: "1",
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
      if (Date.now() > deadline) throw new Error(`billing app did not become ready:\n${appLog}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(async () => {
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    await stripe?.close();
    await llm?.close();
  });

  const stripeSdk = () => {
    const url = new URL(stripe.url);
    return new Stripe(stripe.secretKey, { host: url.hostname, port: url.port, protocol: "http" });
  };

  async function createGpt4oExample(page: Page, sessionId: string) {
    await page.goto(`/examples/new?session=${sessionId}`);
    const form = page.getByRole("form", { name: "Create an example" });
    await form.getByLabel("Model").selectOption({ label: "gpt-4o" });
    await form.getByRole("button", { name: "Create example" }).click();
  }

  test("sign up → refused without a card → add a card → LLM example → /usage → preview = ledger × prices → invoice paid", async ({
    page,
  }) => {
    const csp: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) csp.push(message.text());
    });
    const email = await signUp(page, "Cycle Buyer");
    const sessionId = await uploadRecording(page, {
      suite: "gmail",
      recording: "gmail-compose-send",
      description: "Email Ana",
    });

    // Without a card the LLM model is refused: in the form and on the API, with the reason and the link.
    await createGpt4oExample(page, sessionId);
    const refusal = page.getByRole("alert").filter({ hasText: "gpt-4o" });
    await expect(refusal).toContainText("Model 'gpt-4o' is billed per token. Add a card");
    await expect(refusal.getByRole("link", { name: "Open Billing" })).toHaveAttribute(
      "href",
      "/settings/billing",
    );
    const api = await page.request.post("/v1/examples", {
      data: { session_id: sessionId, model_id: "gpt-4o" },
    });
    expect(api.status()).toBe(402);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({ reason: "card_required", billing_url: "/settings/billing" });

    await page.goto("/settings/billing");
    await page.getByRole("button", { name: "Add a card" }).click();
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByTestId("card-on-file")).toContainText("ending in 4242");

    await createGpt4oExample(page, sessionId);
    await expect(page).toHaveURL(/\/examples\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("status").getByTestId("status-badge")).toHaveText("completed", {
      timeout: 90_000,
    });

    // /usage: the example's tokens, per model, charted under the strict CSP.
    const usage = await (await page.request.get("/v1/usage?group_by=model")).json();
    const tokens = (kind: string) =>
      (usage.data as { kind: string; model?: string; quantity: number }[])
        .filter((r) => r.kind === kind && r.model === "gpt-4o")
        .reduce((sum, r) => sum + r.quantity, 0);
    const input = tokens("input_tokens");
    const output = tokens("output_tokens");
    expect(output).toBeGreaterThan(5000);
    await page.goto("/dashboard");
    await page.getByTestId("card-tokens").getByRole("link").click();
    await expect(page).toHaveURL(/\/usage$/);
    const totals = page.getByTestId("usage-totals");
    await expect(totals.getByRole("row", { name: /Output tokens gpt-4o/ })).toContainText(
      output.toLocaleString("en-US"),
    );
    await expect(page.getByTestId("chart-tokens").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await screenshot(page, "usage-page");

    // The invoice preview, line by line, equals the ledger × the price list (gpt-4o: $3.75 and $15 per 1M).
    const cents = {
      input: Math.round((input * 375) / 1_000_000),
      output: Math.round((output * 15) / 10_000),
    };
    const dollars = (c: number) => `$${(c / 100).toFixed(2)}`;
    await page.goto("/settings/billing");
    const reconciliation = page.getByTestId("reconciliation");
    await expect(async () => {
      await page.reload();
      await expect(reconciliation.locator('[data-line="tracepipe_output_tokens_gpt_4o"]')).toBeVisible();
      await expect(reconciliation).not.toContainText("not yet sent");
    }).toPass({ timeout: 60_000 });
    for (const [key, amount] of [
      ["tracepipe_input_tokens_gpt_4o", cents.input],
      ["tracepipe_output_tokens_gpt_4o", cents.output],
    ] as const) {
      const row = reconciliation.locator(`[data-line="${key}"]`);
      await expect(row.getByTestId("ledger-amount")).toHaveText(dollars(amount));
      await expect(row.getByTestId("stripe-amount")).toHaveText(dollars(amount));
      await expect(row).toContainText("Matches");
    }
    await expect(page.getByTestId("stripe-total")).toHaveText(dollars(cents.input + cents.output));
    await screenshot(page, "billing-reconciliation");

    // Advance the customer's test clock past the period: Stripe finalises the invoice and charges the card.
    const sdk = stripeSdk();
    const [customer] = (await sdk.customers.list({ email })).data;
    const clock = typeof customer?.test_clock === "string" ? customer.test_clock : "";
    const [subscription] = (await sdk.subscriptions.list({ customer: customer?.id ?? "" })).data;
    const periodEnd = subscription?.items.data[0]?.current_period_end ?? 0;
    await sdk.testHelpers.testClocks.advance(clock, { frozen_time: periodEnd + 3600 });
    await expect.poll(async () => (await sdk.testHelpers.testClocks.retrieve(clock)).status).toBe("ready");

    const invoices = page.getByTestId("invoices");
    await expect(async () => {
      await page.reload();
      await expect(invoices.getByRole("row").nth(1)).toContainText("paid");
    }).toPass({ timeout: 30_000 });
    const invoiceRow = invoices.getByRole("row").nth(1);
    await expect(invoiceRow).toContainText(dollars(cents.input + cents.output));
    const link = invoiceRow.getByRole("link", { name: "View invoice" });
    await expect(link).toHaveAttribute("href", new RegExp(`^${stripe.url}/invoices/in_`));
    await expect(invoiceRow.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /\/pdf$/);
    await screenshot(page, "billing-invoice-paid");
    await page.goto((await link.getAttribute("href")) ?? "");
    await expect(page.getByRole("heading")).toContainText(
      `paid · ${((cents.input + cents.output) / 100).toFixed(2)} USD`,
    );
    expect(csp).toEqual([]);
    test.info().annotations.push({
      type: "reconciliation",
      description: `gpt-4o input ${input} tokens → ${dollars(cents.input)}; output ${output} tokens → ${dollars(cents.output)}`,
    });
  });

  test("an owner caps the month's spend: the banner shows the alert and paid work is refused with 402 before it starts", async ({
    page,
  }) => {
    await signUp(page, "Budget Owner");
    const sessionId = await uploadRecording(page, {
      suite: "gmail",
      recording: "gmail-compose-send",
      description: "Email Ana",
    });
    await page.goto("/settings/billing");
    await page.getByRole("button", { name: "Add a card" }).click();
    await page.getByRole("button", { name: "Save card" }).click();
    await expect(page.getByTestId("card-on-file")).toContainText("ending in 4242");
    await expect(page.getByTestId("budget-banner")).toHaveCount(0);

    await createGpt4oExample(page, sessionId);
    await expect(page.getByRole("status").getByTestId("status-badge")).toHaveText("completed", {
      timeout: 90_000,
    });
    const spent = (await (await page.request.get("/v1/workspace/budget")).json()).cost_usd as number;
    expect(spent).toBeGreaterThan(0.01);

    // A budget at this month's spend, with a hard cap: saving it reaches 100 % at once.
    const limit = (Math.floor(spent * 100) / 100).toFixed(2);
    await page.goto("/settings/billing");
    await page.getByLabel("Monthly budget (USD)").fill(limit);
    await page.getByLabel(/Hard cap/).check();
    await page.getByRole("button", { name: "Save budget" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const banner = page.getByTestId("budget-banner");
    await expect(banner).toContainText(`reached 100 % of the $${limit} budget`);
    await expect(banner).toContainText("Paid work is paused by the hard cap.");
    await page.goto("/dashboard");
    await expect(banner).toBeVisible();
    await screenshot(page, "budget-banner");

    await createGpt4oExample(page, sessionId);
    await expect(page.getByRole("alert").filter({ hasText: "hard budget cap" })).toContainText(
      `hard budget cap of $${limit}`,
    );
    const api = await page.request.post("/v1/examples", {
      data: { session_id: sessionId, model_id: "gpt-4o" },
    });
    expect(api.status()).toBe(402);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({
      reason: "budget_cap_reached",
      billing_url: "/settings/billing",
    });
    const budget = await (await page.request.get("/v1/workspace/budget")).json();
    expect(budget).toMatchObject({ hard_cap: true, thresholds_reached: [50, 80, 100] });
  });
});
