import { cron, Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertScheduledJobRun, listJobRuns } from "@/db/queries/job-runs";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { childLogger } from "@/lib/logger";
import { clockBefore } from "../../test/helpers/cron-test-clock";
import { embeddedClientOptions } from "./embedded-client-options";
import { EmbeddedExecutor } from "./embedded-executor";
import { waitForEventRuns } from "./wait-for-job-runs";

// Cron triggers through the real executor, database and SDK serve() handler. The executor's clock is set a few
// hundred milliseconds before a tick and runs in real time, so the real timer is what reaches the tick.

const client = new Inngest({ id: "cron-test", logger: childLogger("inngest"), ...embeddedClientOptions() });
const effects: string[] = [];

function cronFunction(id: string, schedule: string) {
  return client.createFunction({ id, triggers: [cron(schedule)] }, async ({ event, step }) => {
    await step.run("record", () => {
      effects.push(`${id}@${event.id}`);
    });
    return { name: event.name, data: event.data, id: event.id };
  });
}

const hourly = cronFunction("hourly", "7 * * * *");
const shared = cronFunction("shared", "*/5 * * * *");
const restarted = cronFunction("restarted", "0 * * * *");

let dataDir: string | undefined;
const executors: EmbeddedExecutor[] = [];

async function newExecutor(functions: ReturnType<typeof cronFunction>[], now: () => Date) {
  const executor = new EmbeddedExecutor({ client, functions, db: await getDb(), pollIntervalMs: 50, now });
  executors.push(executor);
  return executor;
}

const runsOf = async (functionId: string) =>
  (await listJobRuns(await getDb(), { functionId })).sort((a, b) => a.eventId.localeCompare(b.eventId));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterAll(async () => {
  for (const executor of executors) await executor.stop();
  await closeTestDatabase(dataDir);
});

describe("cron triggers on the embedded executor", () => {
  it("runs a cron function when its time comes, with the event Inngest sends, and records the run", async () => {
    const tick = new Date("2030-01-01T10:07:00Z");
    const executor = await newExecutor([hourly], clockBefore(tick, 500));
    await executor.start();
    // A function this database never scheduled starts at its next tick: the 09:07 tick is not backfilled.
    expect(await runsOf("cron-test-hourly")).toEqual([]);

    const [run] = await waitForEventRuns(await getDb(), "2030-01-01T10:07:00Z", { timeoutMs: 10_000 });
    expect(run).toMatchObject({
      functionId: "cron-test-hourly",
      eventName: "inngest/scheduled.timer",
      status: "completed",
      scheduledAt: tick,
      // The SDK validated the event against the function's triggers and handed it to the handler as sent.
      output: { name: "inngest/scheduled.timer", data: { cron: "7 * * * *" }, id: "2030-01-01T10:07:00Z" },
    });
    expect(effects.filter((e) => e.startsWith("hourly@"))).toEqual(["hourly@2030-01-01T10:07:00Z"]);
    await executor.stop();
  });

  it("queues one run per tick when two executors share the database", async () => {
    const tick = new Date("2030-01-01T10:10:00Z");
    const first = await newExecutor([shared], clockBefore(tick, 500));
    const second = await newExecutor([shared], clockBefore(tick, 500));
    await Promise.all([first.start(), second.start()]);
    await waitForEventRuns(await getDb(), "2030-01-01T10:10:00Z", { timeoutMs: 10_000 });
    await pause(300);
    const runs = await runsOf("cron-test-shared");
    expect(runs.map((run) => [run.eventId, run.status])).toEqual([["2030-01-01T10:10:00Z", "completed"]]);
    expect(effects.filter((e) => e.startsWith("shared@"))).toEqual(["shared@2030-01-01T10:10:00Z"]);
    await Promise.all([first.stop(), second.stop()]);
  });

  it("keys a tick by (function, scheduled time) in the database, whatever the event id", async () => {
    const db = await getDb();
    const scheduledAt = new Date("2030-06-01T00:00:00Z");
    const row = (eventId: string) => ({
      functionId: "cron-test-key",
      eventId,
      eventName: "inngest/scheduled.timer",
      event: { name: "inngest/scheduled.timer", data: { cron: "0 0 * * *" }, id: eventId },
      scheduledAt,
    });
    expect(await insertScheduledJobRun(db, row("first"))).toEqual(expect.any(String));
    expect(await insertScheduledJobRun(db, row("second"))).toBeNull();
    expect(await runsOf("cron-test-key")).toHaveLength(1);
  });

  it("does not re-run a tick after a restart, and runs only the latest tick missed while down", async () => {
    const tick = new Date("2030-01-02T00:00:00Z");
    const before = await newExecutor([restarted], clockBefore(tick, 500));
    await before.start();
    await waitForEventRuns(await getDb(), "2030-01-02T00:00:00Z", { timeoutMs: 10_000 });
    await before.stop();

    // Restarted 20 minutes later: the midnight tick already ran.
    const soon = await newExecutor([restarted], clockBefore(new Date("2030-01-02T00:20:00Z"), 0));
    await soon.start();
    await pause(500);
    expect((await runsOf("cron-test-restarted")).map((run) => run.eventId)).toEqual(["2030-01-02T00:00:00Z"]);
    await soon.stop();

    // Down until 03:20: the 01:00, 02:00 and 03:00 ticks were missed; only 03:00 runs, once.
    const late = await newExecutor([restarted], clockBefore(new Date("2030-01-02T03:20:00Z"), 0));
    await late.start();
    await waitForEventRuns(await getDb(), "2030-01-02T03:00:00Z", { timeoutMs: 10_000 });
    await pause(300);
    const runs = await runsOf("cron-test-restarted");
    expect(runs.map((run) => [run.eventId, run.status])).toEqual([
      ["2030-01-02T00:00:00Z", "completed"],
      ["2030-01-02T03:00:00Z", "completed"],
    ]);
    expect(effects.filter((e) => e.startsWith("restarted@"))).toEqual([
      "restarted@2030-01-02T00:00:00Z",
      "restarted@2030-01-02T03:00:00Z",
    ]);
    await late.stop();
  });
});
