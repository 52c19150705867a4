import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import { sessionEventBatches, usageRecords } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller } from "@/db/test-factories";
import { modelId, suiteId } from "@/lib/catalog/catalog-ids";
import { callRoute } from "@/lib/sessions/call-route";
import { meterStorage } from "@/lib/usage/meter-storage";
import { recordUsage } from "@/lib/usage/record-usage";
import { GET } from "./route";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  await closeTestDatabase(dataDir);
});

const get = (headers: Record<string, string>, query: string) =>
  callRoute(GET, { method: "GET", path: `/v1/usage?${query}`, headers });

describe("the usage ledger and GET /v1/usage", () => {
  it("records each thing once (streamed bytes included), re-running changes nothing, and answers per day and model", async () => {
    const caller = await createTestCaller("read");
    const userId = caller.user.id;
    const db = await getDb();
    const uploaded = crypto.randomUUID();
    const streamed = crypto.randomUUID();
    await insertSession(db, {
      id: uploaded,
      workspaceId: userId,
      userId,
      suiteId: suiteId("gmail"),
      status: "completed",
      rawBytes: 1000,
    });
    await insertSession(db, {
      id: streamed,
      workspaceId: userId,
      userId,
      suiteId: suiteId("gmail"),
      status: "open",
    });
    const body = `${JSON.stringify({ id: "e1", type: "click" })}\n`;
    await db.insert(sessionEventBatches).values([
      { sessionId: streamed, eventCount: 1, body },
      { sessionId: streamed, eventCount: 1, body },
    ]);
    const day = Date.UTC(2026, 10, 3);
    const aggregate = async () => {
      await meterStorage(new Date(day + 10 * 3_600_000 + 60_000));
      await recordUsage({
        workspaceId: userId,
        userId,
        subject: `session:${streamed}`,
        occurredAt: new Date(day + 9 * 3_600_000),
        items: [
          { kind: "sessions_processed", quantity: 1 },
          { kind: "events_ingested", quantity: 2 },
        ],
      });
      await recordUsage({
        workspaceId: userId,
        userId,
        subject: "example:e-1",
        occurredAt: new Date(day + 86_400_000 + 60_000),
        items: [
          { kind: "input_tokens", quantity: 400_000, modelId: modelId("gpt-4o") },
          { kind: "output_tokens", quantity: 100_000, modelId: modelId("gpt-4o") },
          { kind: "examples_generated", quantity: 2, modelId: modelId("gpt-4o") },
        ],
      });
    };
    await aggregate();
    const ledger = async () =>
      (await db.select().from(usageRecords))
        .filter((r) => r.workspaceId === userId)
        .map((r) => [r.idempotencyKey, r.quantity]);
    const first = await ledger();
    await aggregate();
    expect(await ledger()).toEqual(first);
    // One hour of storage: the uploaded file's 1000 bytes and both streamed batches' bytes.
    expect(first).toContainEqual([
      `storage:${userId}:${Math.floor((day + 10 * 3_600_000) / 3_600_000)}`,
      1000 + 2 * body.length,
    ]);

    const response = await get(caller.headers, "from=2026-11-03&to=2026-11-04&group_by=model");
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(json.estimated_usd).toBe(3); // 400k × $3.75/1M + 100k × $15/1M; storage within the free allowance
    expect(json.data).toEqual(
      expect.arrayContaining([
        { start: "2026-11-03T00:00:00Z", kind: "sessions_processed", quantity: 1, unit: "sessions" },
        { start: "2026-11-03T00:00:00Z", kind: "events_ingested", quantity: 2, unit: "events" },
        {
          start: "2026-11-03T00:00:00Z",
          kind: "storage_byte_hours",
          quantity: 1000 + 2 * body.length,
          unit: "byte_hours",
        },
        {
          start: "2026-11-04T00:00:00Z",
          kind: "input_tokens",
          model: "gpt-4o",
          quantity: 400_000,
          unit: "tokens",
          amount_usd: 1.5,
        },
        {
          start: "2026-11-04T00:00:00Z",
          kind: "output_tokens",
          model: "gpt-4o",
          quantity: 100_000,
          unit: "tokens",
          amount_usd: 1.5,
        },
        {
          start: "2026-11-04T00:00:00Z",
          kind: "examples_generated",
          model: "gpt-4o",
          quantity: 2,
          unit: "records",
        },
      ]),
    );
    expect(json.data).toHaveLength(6);

    const hourly = await (
      await get(caller.headers, "from=2026-11-03&to=2026-11-03&granularity=hour&group_by=kind")
    ).json();
    expect(hourly.data.map((r: { start: string }) => r.start).sort()).toEqual([
      "2026-11-03T09:00:00Z",
      "2026-11-03T09:00:00Z",
      "2026-11-03T10:00:00Z",
    ]);

    const csv = await get(caller.headers, "from=2026-11-04&to=2026-11-04&group_by=model&format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).split("\r\n")).toContain(
      "2026-11-04T00:00:00Z,input_tokens,gpt-4o,400000,tokens,1.5",
    );

    const invalid = await get(caller.headers, "from=2026-11-05&to=2026-11-01");
    expect(invalid.status).toBe(422);
    expect((await get(caller.headers, "granularity=week")).status).toBe(422);
  });

  it("splits rows per API key with group_by=api_key", async () => {
    const caller = await createTestCaller("read");
    const userId = caller.user.id;
    const agentKey = await createTestApiKey(userId);
    const day = Date.UTC(2026, 10, 7);
    const tokens = (subject: string, apiKeyId: string | null, quantity: number) =>
      recordUsage({
        workspaceId: userId,
        userId,
        apiKeyId,
        subject,
        occurredAt: new Date(day + 3_600_000),
        items: [{ kind: "input_tokens", quantity, modelId: modelId("gpt-4o") }],
      });
    await tokens("example:k1", agentKey.id, 100_000);
    await tokens("example:k2", agentKey.id, 60_000);
    await tokens("example:browser", null, 40_000);
    const response = await get(caller.headers, "from=2026-11-07&to=2026-11-07&group_by=api_key");
    expect(response.status).toBe(200);
    const rows = (await response.json()).data;
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          start: "2026-11-07T00:00:00Z",
          kind: "input_tokens",
          api_key_id: agentKey.id,
          quantity: 160_000,
          unit: "tokens",
          amount_usd: 0.6,
        },
        {
          start: "2026-11-07T00:00:00Z",
          kind: "input_tokens",
          api_key_id: null,
          quantity: 40_000,
          unit: "tokens",
          amount_usd: 0.15,
        },
      ]),
    );
    expect(rows).toHaveLength(2);
    const csv = await (
      await get(caller.headers, "from=2026-11-07&to=2026-11-07&group_by=api_key&format=csv")
    ).text();
    expect(csv.split("\r\n")).toContain(
      `2026-11-07T00:00:00Z,input_tokens,,${agentKey.id},160000,tokens,0.6`,
    );
  });
});
