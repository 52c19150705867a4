import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertSession } from "@/db/queries/sessions";
import { listUsageRecordsForWorkspace } from "@/db/queries/usage-records";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { meterStorage } from "./meter-storage";
import { recordUsage } from "./record-usage";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  await closeTestDatabase(dataDir);
});

describe("usage", () => {
  it("recordUsage is idempotent per subject, kind and model", async () => {
    const user = await createTestUser();
    const items = [{ kind: "examples_generated" as const, quantity: 3 }];
    expect(await recordUsage({ workspaceId: user.id, userId: user.id, subject: "example:x", items })).toEqual(
      { inserted: 1 },
    );
    expect(await recordUsage({ workspaceId: user.id, userId: user.id, subject: "example:x", items })).toEqual(
      { inserted: 0 },
    );
    expect(
      await recordUsage({
        workspaceId: user.id,
        subject: "example:x",
        items: [{ kind: "input_tokens", quantity: 0 }],
      }),
    ).toEqual({ inserted: 0 });
    expect(await listUsageRecordsForWorkspace(await getDb(), { workspaceId: user.id })).toHaveLength(1);
  });

  it("meters storage byte-hours once per hour bucket and charges the hours since the last measurement", async () => {
    const user = await createTestUser();
    const idle = await createTestUser();
    const db = await getDb();
    await insertSession(db, {
      id: crypto.randomUUID(),
      workspaceId: user.id,
      userId: user.id,
      suiteId: suiteId("gmail"),
      status: "completed",
      rawBytes: 1000,
    });
    await insertSession(db, {
      id: crypto.randomUUID(),
      workspaceId: idle.id,
      userId: idle.id,
      suiteId: suiteId("gmail"),
      status: "open",
    });
    const hour = Date.UTC(2026, 10, 21, 10);
    await meterStorage(new Date(hour + 5 * 60_000));
    await meterStorage(new Date(hour + 50 * 60_000));
    await meterStorage(new Date(hour + 3 * 3_600_000 + 60_000));
    const records = await listUsageRecordsForWorkspace(db, {
      workspaceId: user.id,
      kind: "storage_byte_hours",
    });
    expect(records.map((r) => [r.quantity, r.occurredAt.toISOString()]).reverse()).toEqual([
      [1000, new Date(hour).toISOString()],
      [3000, new Date(hour + 3 * 3_600_000).toISOString()],
    ]);
    expect(await listUsageRecordsForWorkspace(db, { workspaceId: idle.id })).toHaveLength(0);
  });
});
