import { describe, expect, it } from "vitest";
import { getDatabaseHandleMode, getDb } from "@/db/client";
import { listSessionEventBatchesPage } from "@/db/queries/pipeline-artifacts";
import { countSessionEvents, insertSessionEventBatch } from "@/db/queries/session-events";
import { insertSession } from "@/db/queries/sessions";
import { createTestUser } from "@/db/test-factories";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { useNeonTestDatabase } from "@/test/helpers/neon-test-database";

// The batch insert binds its ids as one text[] parameter and runs in a transaction; this checks both on the
// Neon driver (`@neondatabase/serverless` through a local wsproxy to the Postgres in DATABASE_URL), besides the
// PGlite and node-postgres passes of streamed-event-storage.int.test.ts.
const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)("streamed event storage on the Neon driver", () => {
  const _proxy = useNeonTestDatabase(databaseUrl);

  it("stores first occurrences as one NDJSON batch and skips ids stored before", async () => {
    expect(await getDatabaseHandleMode()).toBe("neon");
    const db = await getDb();
    const user = await createTestUser();
    const suite = findSuite(getBundledCatalog(), "gmail");
    const sessionId = crypto.randomUUID();
    await insertSession(db, {
      id: sessionId,
      workspaceId: user.id,
      userId: user.id,
      suiteId: suite?.id ?? "",
      status: "open",
    });
    const event = (id: string, n = 0) => ({ id, timestamp: 1, type: "click", n });

    const args = { workspaceId: user.id, sessionId };
    expect(
      await insertSessionEventBatch(db, { ...args, events: [event("b"), event("a"), event("b", 1)] }),
    ).toEqual(["b", "a"]);
    expect(
      await insertSessionEventBatch(db, { ...args, events: [event("a"), event("c, with a comma")] }),
    ).toEqual(["c, with a comma"]);
    const batches = await listSessionEventBatchesPage(db, sessionId, 0, 10);
    expect(batches.map((b) => b.body)).toEqual([
      `${JSON.stringify(event("b"))}\n${JSON.stringify(event("a"))}`,
      JSON.stringify(event("c, with a comma")),
    ]);
    expect(await countSessionEvents(db, sessionId)).toBe(3);
  });
});
