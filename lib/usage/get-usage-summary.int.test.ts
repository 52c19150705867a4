import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertExample, markExampleCompleted } from "@/db/queries/examples";
import { insertSession } from "@/db/queries/sessions";
import { insertUsageRecords } from "@/db/queries/usage-records";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { actionToolMapId, modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { getUsageSummary, startOfUtcMonth } from "./get-usage-summary";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  await closeTestDatabase(dataDir);
});

const NOW = new Date("2026-11-21T12:00:00Z");
const LAST_MONTH = new Date("2026-10-31T23:59:59Z");

describe("getUsageSummary", () => {
  it("is all zeros for a new user", async () => {
    const { user } = await createTestCaller();
    const summary = await getUsageSummary({ workspaceId: user.id, now: NOW });
    expect(summary).toEqual({
      periodStart: "2026-11-01T00:00:00.000Z",
      tokens: { input: 0, output: 0, byModel: [] },
      storage: { gbHours: 0, currentBytes: 0 },
      sessions: { total: 0, thisMonth: 0 },
      examples: { total: 0, thisMonth: 0, inFlight: 0, recordsThisMonth: 0 },
    });
  });

  it("sums this month's tokens per model and storage byte-hours, ignores last month and other users", async () => {
    const { user } = await createTestCaller();
    const other = await createTestCaller();
    const db = await getDb();
    const gpt = modelId("gpt-4o");
    const claude = modelId("claude-sonnet-4-5");
    let n = 0;
    const record = (
      userId: string,
      kind: "input_tokens" | "output_tokens" | "storage_byte_hours" | "examples_generated",
      quantity: number,
      model: string | null,
      at = NOW,
    ) => ({
      workspaceId: userId,
      userId,
      kind,
      modelId: model,
      quantity,
      subject: "test",
      idempotencyKey: `summary-test-${n++}-${crypto.randomUUID()}`,
      occurredAt: at,
    });
    await insertUsageRecords(db, [
      record(user.id, "input_tokens", 1000, gpt),
      record(user.id, "output_tokens", 250, gpt),
      record(user.id, "input_tokens", 5000, claude),
      record(user.id, "input_tokens", 99_999, gpt, LAST_MONTH),
      record(user.id, "storage_byte_hours", 3_000_000_000, null),
      record(user.id, "storage_byte_hours", 500_000_000, null),
      record(user.id, "examples_generated", 7, null),
      record(other.user.id, "input_tokens", 123, gpt),
    ]);
    const summary = await getUsageSummary({ workspaceId: user.id, now: NOW });
    expect(summary.tokens).toEqual({
      input: 6000,
      output: 250,
      byModel: [
        { modelId: claude, model: "claude-sonnet-4-5", inputTokens: 5000, outputTokens: 0 },
        { modelId: gpt, model: "gpt-4o", inputTokens: 1000, outputTokens: 250 },
      ],
    });
    expect(summary.storage.gbHours).toBeCloseTo(3.5);
    expect(summary.examples.recordsThisMonth).toBe(7);
  });

  it("counts sessions and examples (this month, in flight) and current stored bytes", async () => {
    const { user } = await createTestCaller();
    const db = await getDb();
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) {
      await insertSession(db, {
        id,
        workspaceId: user.id,
        userId: user.id,
        suiteId: suiteId("gmail"),
        status: "completed",
        rawBytes: 1000,
      });
    }
    const values = {
      workspaceId: user.id,
      userId: user.id,
      sessionId: ids[0] as string,
      modelId: modelId("tracepipe-rules-1"),
      actionToolMapId: actionToolMapId("gmail-to-gmail-mcp"),
      modelConfiguration: {},
      callbackUrl: null,
    };
    const done = await insertExample(db, values);
    await insertExample(db, values);
    await markExampleCompleted(db, done.id, { storagePath: "x", recordCount: 2, sizeBytes: 300 });
    const summary = await getUsageSummary({ workspaceId: user.id });
    expect(summary.sessions).toEqual({ total: 2, thisMonth: 2 });
    expect(summary.examples).toMatchObject({ total: 2, thisMonth: 2, inFlight: 1 });
    expect(summary.storage.currentBytes).toBe(2300);
    // Rows created now are not in a month that ended before them.
    const later = await getUsageSummary({
      workspaceId: user.id,
      now: new Date(Date.now() + 62 * 86_400_000),
    });
    expect(later.sessions).toEqual({ total: 2, thisMonth: 0 });
  });
});

describe("startOfUtcMonth", () => {
  it("is the first instant of the UTC month", () => {
    expect(startOfUtcMonth(new Date("2026-01-31T23:30:00-05:00")).toISOString()).toBe(
      "2026-02-01T00:00:00.000Z",
    );
  });
});
