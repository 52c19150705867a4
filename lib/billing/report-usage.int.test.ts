import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { setStripeCustomerIdIfMissing } from "@/db/queries/billing-customers";
import { billingMeters, usageRecords } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { modelId } from "@/lib/catalog/catalog-ids";
import { type StripeTestEnv, startStripeTestEnv } from "../../test/helpers/fake-stripe-env";
import { reportUsageBatch } from "./report-usage";

let dataDir: string;
let env: StripeTestEnv;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  env = await startStripeTestEnv();
});
afterAll(async () => {
  await env.close();
  await closeTestDatabase(dataDir);
});

type Kind = (typeof usageRecords.$inferInsert)["kind"];
const usage = (userId: string, kind: Kind, quantity: number, model: string | null, reportedAt?: Date) => ({
  workspaceId: userId,
  userId,
  kind,
  modelId: model ? modelId(model) : null,
  quantity,
  idempotencyKey: `report-test-${crypto.randomUUID()}`,
  occurredAt: new Date(Date.now() - 3_600_000),
  reportedAt: reportedAt ?? null,
});

describe("reportUsageBatch", () => {
  it("sends each unreported billable record of customers exactly once, across a failed batch and reruns", async () => {
    const db = await getDb();
    const payer = await createTestUser();
    const noCustomer = await createTestUser();
    await setStripeCustomerIdIfMissing(db, { workspaceId: payer.id, stripeCustomerId: "cus_payer" });
    env.stripe.customers.set("cus_payer", { id: "cus_payer", object: "customer" });
    const billable = await db
      .insert(usageRecords)
      .values([
        usage(payer.id, "input_tokens", 1000, "gpt-4o"),
        usage(payer.id, "output_tokens", 250, "gpt-4o"),
        usage(payer.id, "input_tokens", 700, "claude-sonnet-4-5"),
        usage(payer.id, "storage_byte_hours", 5_000_000_000, null),
        usage(payer.id, "input_tokens", 3, "gpt-4o"),
      ])
      .returning({ id: usageRecords.id, quantity: usageRecords.quantity });
    const untouched = await db
      .insert(usageRecords)
      .values([
        usage(payer.id, "input_tokens", 999, "gpt-4o", new Date()),
        usage(payer.id, "events_ingested", 10, null),
        usage(noCustomer.id, "input_tokens", 123, "gpt-4o"),
      ])
      .returning({ id: usageRecords.id });

    // The third event of the first batch fails: the two sent before it are not marked reported yet.
    env.stripe.failMeterEventAfter(2);
    await expect(reportUsageBatch({ limit: 4 })).rejects.toThrow(/Injected failure/);
    expect(env.stripe.meterEvents.size).toBe(2);
    const unmarked = await db.select({ id: usageRecords.id }).from(usageRecords);
    expect(unmarked.length).toBe(8);

    // The retry re-sends those two (same identifiers, counted once), then the rest in the next batch.
    expect(await reportUsageBatch({ limit: 4 })).toBe(4);
    expect(await reportUsageBatch({ limit: 4 })).toBe(1);
    expect(await reportUsageBatch({ limit: 4 })).toBe(0);
    const requestsAfterFirstRun = env.stripe.meterEventRequests;
    // 2 sent + 1 failed, then the 2 re-sent are answered from Stripe's Idempotency-Key store (never reaching
    // the meter), 2 new, and the last one.
    expect(requestsAfterFirstRun).toBe(3 + 2 + 1);
    expect(await reportUsageBatch()).toBe(0);
    expect(env.stripe.meterEventRequests).toBe(requestsAfterFirstRun);

    expect([...env.stripe.meterEvents.keys()].sort()).toEqual(billable.map((r) => r.id).sort());
    for (const record of billable) {
      expect(env.stripe.meterEvents.get(record.id)?.payload).toEqual({
        stripe_customer_id: "cus_payer",
        value: String(record.quantity),
      });
    }
    const events = [...env.stripe.meterEvents.values()];
    expect(events.filter((e) => e.event_name === "tracepipe_input_tokens_gpt_4o").length).toBe(2);
    expect(events.find((e) => e.event_name === "tracepipe_storage_byte_hours")).toBeDefined();

    // One meter per line, created at first use and remembered.
    const meterNames = [...env.stripe.meters.values()].map((m) => m.event_name).sort();
    expect(meterNames).toEqual([
      "tracepipe_input_tokens_claude_sonnet_4_5",
      "tracepipe_input_tokens_gpt_4o",
      "tracepipe_output_tokens_gpt_4o",
      "tracepipe_storage_byte_hours",
    ]);
    expect((await db.select().from(billingMeters)).length).toBe(4);

    for (const record of billable) {
      const [row] = await db.select().from(usageRecords).where(eq(usageRecords.id, record.id));
      expect(row?.reportedAt).toBeInstanceOf(Date);
    }
    for (const record of untouched) {
      expect(env.stripe.meterEvents.has(record.id)).toBe(false);
    }
    const [notBillable] = await db
      .select()
      .from(usageRecords)
      .where(eq(usageRecords.id, untouched[1]?.id ?? ""));
    expect(notBillable?.reportedAt).toBeNull();
  });

  it("finds an existing meter by event name instead of creating a second one", async () => {
    const db = await getDb();
    await db.delete(billingMeters);
    const before = env.stripe.meters.size;
    const user = await createTestUser();
    await setStripeCustomerIdIfMissing(db, { workspaceId: user.id, stripeCustomerId: "cus_again" });
    await db.insert(usageRecords).values([usage(user.id, "output_tokens", 42, "gpt-4o")]);
    expect(await reportUsageBatch()).toBe(1);
    expect(env.stripe.meters.size).toBe(before);
    expect((await db.select().from(billingMeters)).map((m) => m.eventName)).toEqual([
      "tracepipe_output_tokens_gpt_4o",
    ]);
  });
});
