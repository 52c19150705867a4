import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createAp2 } from "@/app/v1/ap2/examples/route";
import { GET as getExample } from "@/app/v1/examples/[id]/route";
import { getDb } from "@/db/client";
import { markExampleCompleted, markExampleFailed } from "@/db/queries/examples";
import { insertSession } from "@/db/queries/sessions";
import { sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestUser } from "@/db/test-factories";
import { reportUsageBatch } from "@/lib/billing/report-usage";
import { startCardSetup } from "@/lib/billing/start-card-setup";
import { estimateExampleCostCents } from "@/lib/budgets/estimate-example-cost";
import { modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { callRoute } from "@/lib/sessions/call-route";
import { recordUsage } from "@/lib/usage/record-usage";
import { type StripeTestEnv, startStripeTestEnv } from "@/test/helpers/fake-stripe-env";

/** Simulates a crash between Stripe's authorisation and the commit of the example and its payment row. */
const crash = vi.hoisted(() => ({ next: false }));
vi.mock("@/db/queries/ap2-payments", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/ap2-payments")>();
  return {
    ...actual,
    insertAp2Payment: async (...args: Parameters<typeof actual.insertAp2Payment>) => {
      if (crash.next) {
        crash.next = false;
        throw new Error("process died after the authorisation");
      }
      return actual.insertAp2Payment(...args);
    },
  };
});

let dataDir: string;
let env: StripeTestEnv;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
  env = await startStripeTestEnv();
});
afterAll(async () => {
  await env.close();
  delete process.env.LLM_BASE_URL;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

async function agentWithCard() {
  const user = await createTestUser();
  const { url } = await startCardSetup({
    workspaceId: user.id,
    user,
    returnUrl: "http://127.0.0.1/settings/billing",
  });
  expect(await env.stripe.completeCheckout(url.split("/pay/")[1] ?? "")).toBe(200);
  const key = await createTestApiKey(user.id);
  const sessionId = crypto.randomUUID();
  const db = await getDb();
  await insertSession(db, {
    id: sessionId,
    workspaceId: user.id,
    userId: user.id,
    suiteId: suiteId("gmail"),
    status: "completed",
  });
  await db.update(sessions).set({ actionCount: 40 }).where(eq(sessions.id, sessionId));
  return { user, sessionId, headers: { authorization: `Bearer ${key.secret}` } };
}

const post = (headers: Record<string, string>, body: unknown, idempotencyKey?: string) =>
  callRoute(createAp2, {
    method: "POST",
    path: "/v1/ap2/examples",
    headers: {
      ...headers,
      "content-type": "application/json",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
const retrieve = (headers: Record<string, string>, id: string) =>
  callRoute(getExample, { method: "GET", path: `/v1/examples/${id}`, headers, params: { id } });

const intentsOf = (customer: string) =>
  [...env.stripe.paymentIntents.values()].filter((intent) => intent.customer === customer);

describe("AP2: agents paying per example", () => {
  it("authorises 1.5× the estimate, captures the actual cost on retrieval and releases the rest, once", async () => {
    const agent = await agentWithCard();
    const estimate = estimateExampleCostCents({ modelSlug: "gpt-4o", actionCount: 40 });
    expect(estimate).toBe(41);
    const created = await post(
      agent.headers,
      { session_id: agent.sessionId, model_id: "gpt-4o" },
      "agent-order-1",
    );
    expect(created.status).toBe(202);
    const example = await created.json();
    expect(example.payment).toMatchObject({
      status: "authorized",
      estimate_usd: 0.41,
      authorized_usd: 0.62,
      captured_usd: null,
    });
    const intent = env.stripe.paymentIntents.get(example.payment.payment_intent_id);
    expect(intent).toMatchObject({
      status: "requires_capture",
      amount: 62,
      amount_capturable: 62,
      capture_method: "manual",
    });

    // Still generating: retrieval settles nothing.
    expect((await (await retrieve(agent.headers, example.id)).json()).payment.status).toBe("authorized");

    // Generation recorded its usage (paid through AP2, so never metered to the invoice) and completed.
    await recordUsage({
      workspaceId: agent.user.id,
      subject: `example:${example.id}`,
      prepaid: true,
      items: [
        { kind: "input_tokens", quantity: 40_000, modelId: modelId("gpt-4o") },
        { kind: "output_tokens", quantity: 12_345, modelId: modelId("gpt-4o") },
      ],
    });
    await markExampleCompleted(await getDb(), example.id, {
      storagePath: "x",
      recordCount: 40,
      sizeBytes: 1,
    });
    const eventsBefore = env.stripe.meterEventRequests;
    await reportUsageBatch();
    expect(env.stripe.meterEventRequests).toBe(eventsBefore);

    // 40 000 × 0.000375¢ = 15¢; 12 345 × 0.0015¢ = 18.5175 → 19¢: 34¢ captured, 28¢ released.
    const settled = await (await retrieve(agent.headers, example.id)).json();
    expect(settled.payment).toMatchObject({ status: "captured", captured_usd: 0.34, released_usd: 0.28 });
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 34, amount_capturable: 0 });
    // Retrieving again changes nothing.
    expect((await (await retrieve(agent.headers, example.id)).json()).payment).toEqual(settled.payment);
    expect(intentsOf(String(intent?.customer))).toHaveLength(1);
  });

  it("cancels the authorisation of a failed example", async () => {
    const agent = await agentWithCard();
    const example = await (
      await post(agent.headers, { session_id: agent.sessionId, model_id: "gpt-4o" }, "fail-1")
    ).json();
    await markExampleFailed(await getDb(), example.id, "the gateway refused");
    const settled = await (await retrieve(agent.headers, example.id)).json();
    expect(settled.payment).toMatchObject({ status: "canceled", captured_usd: 0, released_usd: 0.62 });
    expect(env.stripe.paymentIntents.get(example.payment.payment_intent_id)).toMatchObject({
      status: "canceled",
    });
  });

  it("honours Idempotency-Key, and a crash between authorising and recording never pays twice", async () => {
    const agent = await agentWithCard();
    const body = { session_id: agent.sessionId, model_id: "gpt-4o" };
    expect((await post(agent.headers, body)).status).toBe(400);

    crash.next = true;
    const crashed = await post(agent.headers, body, "order-crash");
    expect(crashed.status).toBe(500);
    const customer = String([...env.stripe.paymentIntents.values()].at(-1)?.customer);
    expect(intentsOf(customer)).toHaveLength(1);

    const retried = await post(agent.headers, body, "order-crash");
    expect(retried.status).toBe(202);
    const first = await retried.json();
    const replayed = await post(agent.headers, body, "order-crash");
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect((await replayed.json()).id).toBe(first.id);
    // One authorisation across the crash, the retry and the replay.
    expect(intentsOf(customer).map((i) => i.id)).toEqual([first.payment.payment_intent_id]);
  });

  it("refuses without a card (402) and for the free model (422)", async () => {
    const user = await createTestUser();
    const key = await createTestApiKey(user.id);
    const headers = { authorization: `Bearer ${key.secret}` };
    const sessionId = crypto.randomUUID();
    await insertSession(await getDb(), {
      id: sessionId,
      workspaceId: user.id,
      userId: user.id,
      suiteId: suiteId("gmail"),
      status: "completed",
    });
    const noCard = await post(headers, { session_id: sessionId, model_id: "gpt-4o" }, "no-card");
    expect(noCard.status).toBe(402);
    expect(await noCard.json()).toMatchObject({ reason: "card_required" });
    const agent = await agentWithCard();
    const free = await post(agent.headers, { session_id: agent.sessionId }, "free-model");
    expect(free.status).toBe(422);
  });
});
