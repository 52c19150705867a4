import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listJobRuns } from "@/db/queries/job-runs";
import { insertSession } from "@/db/queries/sessions";
import { listUsageRecordsForWorkspace } from "@/db/queries/usage-records";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestUser } from "@/db/test-factories";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { cronEventId, parseCronSchedule, triggerCronExpressions } from "@/lib/jobs/cron-schedule";
import { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { waitForEventRuns } from "@/lib/jobs/wait-for-job-runs";
import { clockBefore } from "@/test/helpers/cron-test-clock";
import { meterStorageFunction } from "./meter-storage";

// The embedded default meters storage: the app's executor, with every app function, reaches meter-storage's
// next cron tick and the run writes the usage record.

let dataDir: string;
let executor: EmbeddedExecutor | undefined;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterAll(async () => {
  await executor?.stop();
  await closeTestDatabase(dataDir);
});

it("runs meter-storage on its cron schedule and records storage byte-hours", async () => {
  const db = await getDb();
  const user = await createTestUser();
  await insertSession(db, {
    id: crypto.randomUUID(),
    workspaceId: user.id,
    userId: user.id,
    suiteId: suiteId("gmail"),
    status: "completed",
    rawBytes: 4096,
  });
  const [expression] = triggerCronExpressions(meterStorageFunction);
  expect(expression).toBe("7 * * * *");
  const tick = parseCronSchedule(expression ?? "").nextAfter(new Date());
  if (!tick) throw new Error("meter-storage has no next tick");

  executor = new EmbeddedExecutor({
    client: inngest,
    functions,
    db,
    pollIntervalMs: 50,
    now: clockBefore(tick, 500),
  });
  await executor.start();
  const [run] = await waitForEventRuns(db, cronEventId(tick), { timeoutMs: 20_000 });
  expect(run).toMatchObject({
    functionId: "tracepipe-meter-storage",
    status: "completed",
    scheduledAt: tick,
  });
  expect(run?.output).toEqual({ users: 1, inserted: 1 });

  const records = await listUsageRecordsForWorkspace(db, {
    workspaceId: user.id,
    kind: "storage_byte_hours",
  });
  expect(records.map((record) => record.quantity)).toEqual([4096]);
  // Only the cron function ran: no other app function is triggered by the timer.
  expect((await listJobRuns(db, {})).map((r) => r.functionId)).toEqual(["tracepipe-meter-storage"]);
});
