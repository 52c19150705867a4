import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createExampleRoute } from "@/app/v1/examples/route";
import { PATCH as patchBudget, GET as readBudget } from "@/app/v1/workspace/budget/route";
import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import { auditLog, budgetAlerts, examples, outboxEvents, sessions } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getCallbackSecret } from "@/lib/callbacks/callback-secret";
import { SIGNATURE_HEADER, verifyCallbackSignature } from "@/lib/callbacks/sign-callback";
import { modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { resetEnvCache } from "@/lib/env";
import { callRoute } from "@/lib/sessions/call-route";
import { recordUsage } from "@/lib/usage/record-usage";
import { budgetThresholdReachedData } from "@/schemas/app-events";
import { budgetAlertCallbackSchema } from "@/schemas/budgets";
import { deliverBudgetAlert } from "./deliver-budget-alert";
import { estimateExampleCostCents } from "./estimate-example-cost";

let dataDir: string;
const received: { body: string; signature: string; eventId: string }[] = [];
const receiver = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  received.push({
    body: Buffer.concat(chunks).toString("utf8"),
    signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? ""),
    eventId: String(req.headers["tracepipe-event-id"] ?? ""),
  });
  res.writeHead(204).end();
});
let webhookUrl = "";

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  // LLM models are accepted only with a gateway; nothing calls it here. The receiver listens on loopback.
  process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
  process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES = "1";
  resetEnvCache();
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/budget-hook`;
});
afterAll(async () => {
  delete process.env.LLM_BASE_URL;
  delete process.env.CALLBACK_ALLOW_PRIVATE_ADDRESSES;
  resetEnvCache();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await closeTestDatabase(dataDir);
});

const jsonRequest =
  (handler: Parameters<typeof callRoute>[0], method: string, path: string) =>
  (headers: Record<string, string>, body?: unknown) =>
    callRoute(handler, {
      method,
      path,
      headers: { ...headers, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
const setBudget = jsonRequest(patchBudget, "PATCH", "/v1/workspace/budget");
const getBudget = jsonRequest(readBudget, "GET", "/v1/workspace/budget");
const postExample = jsonRequest(createExampleRoute, "POST", "/v1/examples");

/** gpt-4o output tokens cost 1.5¢ per thousand: `cents` worth of them. */
const gpt4oOutput = (cents: number) => ({
  kind: "output_tokens" as const,
  quantity: (cents / 1.5) * 1000,
  modelId: modelId("gpt-4o"),
});

async function completedSession(workspaceId: string, actionCount: number) {
  const id = crypto.randomUUID();
  const db = await getDb();
  await insertSession(db, {
    id,
    workspaceId,
    userId: workspaceId,
    suiteId: suiteId("gmail"),
    status: "completed",
  });
  await db.update(sessions).set({ actionCount }).where(eq(sessions.id, id));
  return id;
}

describe("monthly budget", () => {
  it("alerts at 50, 80 and 100 % exactly once each, as banner rows, outbox events and signed callbacks", async () => {
    const caller = await createTestCaller();
    const workspaceId = caller.user.id;
    const set = await setBudget(caller.headers, { monthly_limit_usd: 10, webhook_url: webhookUrl });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      monthly_limit_usd: 10,
      hard_cap: false,
      thresholds_reached: [],
    });

    const steps: [string, number, number[]][] = [
      ["a", 525, [50]],
      ["b", 150, [50]],
      ["c", 225, [50, 80]],
      ["d", 150, [50, 80, 100]],
      ["e", 300, [50, 80, 100]],
    ];
    for (const [subject, cents, expected] of steps) {
      await recordUsage({ workspaceId, subject: `example:${subject}`, items: [gpt4oOutput(cents)] });
      // A retried step records nothing and fires nothing.
      await recordUsage({ workspaceId, subject: `example:${subject}`, items: [gpt4oOutput(cents)] });
      expect((await (await getBudget(caller.headers)).json()).thresholds_reached).toEqual(expected);
    }
    const db = await getDb();
    const alerts = await db.select().from(budgetAlerts).where(eq(budgetAlerts.workspaceId, workspaceId));
    expect(alerts.map((a) => [a.thresholdPercent, a.costCents]).sort()).toEqual([
      [100, 1050],
      [50, 525],
      [80, 900],
    ]);
    const events = await db
      .select({ id: outboxEvents.id, data: outboxEvents.data })
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.name, "budget/threshold-reached"), like(outboxEvents.id, `%${workspaceId}%`)),
      );
    expect(events).toHaveLength(3);

    for (const event of events) await deliverBudgetAlert(budgetThresholdReachedData.parse(event.data));
    expect(received).toHaveLength(3);
    for (const delivery of received) {
      expect(verifyCallbackSignature(getCallbackSecret(workspaceId), delivery.body, delivery.signature)).toBe(
        true,
      );
      const body = budgetAlertCallbackSchema.parse(JSON.parse(delivery.body));
      expect(body.data).toMatchObject({ workspace_id: workspaceId, limit_usd: 10, hard_cap: false });
      expect(delivery.eventId).toContain(String(body.data.threshold_percent));
    }
    expect(
      received.map((d) => budgetAlertCallbackSchema.parse(JSON.parse(d.body)).data.threshold_percent).sort(),
    ).toEqual([100, 50, 80]);
    const audits = await db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.type, "billing.budget_updated")));
    expect(audits).toEqual([
      { after: { monthly_limit_cents: 1000, hard_cap: false, webhook_url: webhookUrl } },
    ]);
  });

  it("only an owner sets a budget, and a viewer-scoped key cannot", async () => {
    const caller = await createTestCaller("read");
    expect((await setBudget(caller.headers, { monthly_limit_usd: 5 })).status).toBe(403);
    const owner = await createTestCaller();
    expect((await setBudget(owner.headers, { monthly_limit_usd: -1 })).status).toBe(422);
  });

  it("a hard cap refuses paid work before it starts; concurrent requests never pass it by more than one request", async () => {
    const caller = await createTestCaller();
    const workspaceId = caller.user.id;
    const sessionId = await completedSession(workspaceId, 100);
    const estimate = estimateExampleCostCents({ modelSlug: "gpt-4o", actionCount: 100 });
    expect(estimate).toBe(102);
    const limitCents = 500;
    await setBudget(caller.headers, { monthly_limit_usd: limitCents / 100, hard_cap: true });

    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        postExample(caller.headers, { session_id: sessionId, model_id: "gpt-4o" }),
      ),
    );
    const admitted = responses.filter((r) => r.status === 202).length;
    const refused = responses.filter((r) => r.status === 402);
    expect(admitted + refused.length).toBe(8);
    // The bound the cap promises: at most one request's estimate beyond the limit (here none: admissions queue).
    expect(admitted * estimate).toBeLessThanOrEqual(limitCents + estimate);
    expect(admitted).toBe(Math.floor(limitCents / estimate));
    const problem = await refused[0]?.json();
    expect(refused[0]?.headers.get("content-type")).toContain("application/problem+json");
    expect(problem).toMatchObject({ status: 402, reason: "budget_cap_reached" });
    expect(problem.detail).toContain("hard budget cap of $5.00");

    // The free model is never refused by the cap.
    expect((await postExample(caller.headers, { session_id: sessionId })).status).toBe(202);

    // Work in flight held the headroom: once it ended (here: failed, costing nothing) there is room again.
    const endInFlight = async () =>
      (await getDb()).update(examples).set({ status: "failed" }).where(eq(examples.workspaceId, workspaceId));
    await endInFlight();
    expect((await postExample(caller.headers, { session_id: sessionId, model_id: "gpt-4o" })).status).toBe(
      202,
    );
    await endInFlight();
    // Spending recorded beyond the cap refuses with nothing in flight.
    await recordUsage({ workspaceId, subject: "example:over", items: [gpt4oOutput(450)] });
    const after = await postExample(caller.headers, { session_id: sessionId, model_id: "gpt-4o" });
    expect(after.status).toBe(402);
  });
});
