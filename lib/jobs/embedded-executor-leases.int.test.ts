import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getJobRunById, insertJobRuns, updateLeasedJobRun } from "@/db/queries/job-runs";
import { jobRuns } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "./embedded-client-options";
import { EmbeddedExecutor } from "./embedded-executor";
import { waitForEventRuns } from "./wait-for-job-runs";

// Leases: a run whose worker died (lease expired) is re-driven from its stored steps; a live lease is respected;
// a worker that lost its lease cannot write; stop() hands a run back to the queue between steps.

const client = new Inngest({ id: "lease-test", logger: childLogger("inngest"), ...embeddedClientOptions() });
const effects: string[] = [];
let releaseSlowStep: () => void = () => {};
const slowStepGate = () =>
  new Promise<void>((resolve) => {
    releaseSlowStep = resolve;
  });

const twoSteps = client.createFunction(
  { id: "two-steps", triggers: [{ event: "lease/two-steps" }] },
  async ({ step }) => {
    const one = await step.run("one", () => {
      effects.push("one");
      return 1;
    });
    const two = await step.run("two", () => {
      effects.push("two");
      return one + 1;
    });
    return two;
  },
);

const gated = client.createFunction(
  { id: "gated", triggers: [{ event: "lease/gated" }] },
  async ({ step }) => {
    await step.run("slow", async () => {
      effects.push("slow-started");
      await slowStepGate();
      effects.push("slow");
    });
    await step.run("after", () => {
      effects.push("after");
    });
    return "done";
  },
);

/** SDK step ids are the SHA-1 of the step's name (engine.js `hashId`). */
const hashedStepId = (name: string) => createHash("sha1").update(name).digest("hex");

let dataDir: string | undefined;
const executors: EmbeddedExecutor[] = [];

function newExecutor() {
  return getDb().then((db) => {
    const executor = new EmbeddedExecutor({ client, functions: [twoSteps, gated], db, pollIntervalMs: 100 });
    executors.push(executor);
    return executor;
  });
}

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterAll(async () => {
  releaseSlowStep();
  for (const executor of executors) await executor.stop();
  await closeTestDatabase(dataDir);
});

async function insertLeasedRun(eventId: string, lockedUntil: string) {
  const db = await getDb();
  const [id] = await insertJobRuns(db, [
    {
      functionId: "lease-test-two-steps",
      eventId,
      eventName: "lease/two-steps",
      event: { name: "lease/two-steps", data: {}, id: eventId, ts: Date.now() },
    },
  ]);
  await db
    .update(jobRuns)
    .set({
      status: "running",
      leaseToken: crypto.randomUUID(),
      lockedUntil: sql.raw(`now() + interval '${lockedUntil}'`),
      steps: { [hashedStepId("one")]: { type: "data", data: 1 } },
      stack: [hashedStepId("one")],
    })
    .where(eq(jobRuns.id, id ?? ""));
  return id ?? "";
}

describe("job run leases", () => {
  it("leaves a live lease alone and re-drives the run once it expires, without re-running stored steps", async () => {
    effects.length = 0;
    const eventId = crypto.randomUUID();
    const id = await insertLeasedRun(eventId, "1 minute");
    const executor = await newExecutor();
    await executor.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await getJobRunById(await getDb(), id))?.status).toBe("running");
    expect(effects).toEqual([]);

    await (await getDb())
      .update(jobRuns)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobRuns.id, id));
    executor.wake();
    const [run] = await waitForEventRuns(await getDb(), eventId);
    expect(run?.output).toBe(2);
    expect(effects).toEqual(["two"]);
    await executor.stop();
  });

  it("refuses writes from a worker whose lease was taken over", async () => {
    const id = await insertLeasedRun(crypto.randomUUID(), "1 minute");
    const isWritten = await updateLeasedJobRun(await getDb(), {
      id,
      leaseToken: crypto.randomUUID(),
      set: { status: "completed", output: "stale" },
    });
    expect(isWritten).toBe(false);
    expect((await getJobRunById(await getDb(), id))?.status).toBe("running");
  });

  it("hands a run back to the queue between steps on stop, and the next executor continues it", async () => {
    effects.length = 0;
    const first = await newExecutor();
    await first.start();
    const [eventId] = await first.send([{ name: "lease/gated", data: {} }]);
    const deadline = Date.now() + 10_000;
    while (!effects.includes("slow-started") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stopped = first.stop();
    releaseSlowStep();
    await stopped;
    const [queued] = await (await getDb())
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.eventId, eventId ?? ""));
    expect(queued?.status).toBe("queued");
    expect(queued?.leaseToken).toBeNull();
    expect(queued?.stack).toEqual([hashedStepId("slow")]);

    const second = await newExecutor();
    await second.start();
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.output).toBe("done");
    expect(effects).toEqual(["slow-started", "slow", "after"]);
  });
});
