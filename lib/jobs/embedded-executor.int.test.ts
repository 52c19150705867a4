import { createHash } from "node:crypto";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getJobRunById, listJobRuns } from "@/db/queries/job-runs";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "./embedded-client-options";
import { EmbeddedExecutor } from "./embedded-executor";
import { waitForEventRuns } from "./wait-for-job-runs";

// Contract test for the embedded executor against the pinned inngest SDK: it drives real functions through the
// SDK's serve() handler. If an SDK upgrade changes the execution protocol, this is the test that fails.

const client = new Inngest({
  id: "contract-test",
  logger: childLogger("inngest"),
  ...embeddedClientOptions(),
});
const effects: string[] = [];
const count = (name: string) => effects.filter((e) => e === name).length;
const failures: { functionId: string; message: string; eventData: unknown }[] = [];

const multiStep = client.createFunction(
  { id: "multi-step", triggers: [{ event: "test/multi-step" }], retries: 2 },
  async ({ event, step }) => {
    const one = await step.run("one", () => {
      effects.push("one");
      return { value: 1 };
    });
    const flaky = await step.run("flaky", () => {
      effects.push("flaky");
      if (count("flaky") === 1) throw new Error("transient failure");
      return one.value + 1;
    });
    await step.sleep("nap", "1s");
    const three = await step.run("three", () => {
      effects.push("three");
      return flaky + 1;
    });
    // A step returning `{ data }` must come back as-is, not unwrapped as if it were the memo envelope.
    const wrapped = await step.run("wrapped", () => ({ data: "kept" }));
    return { one: one.value, flaky, three, wrapped, input: event.data };
  },
);

const nonRetriable = client.createFunction(
  {
    id: "non-retriable",
    triggers: [{ event: "test/non-retriable" }],
    retries: 3,
    onFailure: async ({ error, event }) => {
      failures.push({
        functionId: "non-retriable",
        message: error.message,
        eventData: event.data.event.data,
      });
    },
  },
  async ({ step }) => {
    await step.run("reject", () => {
      effects.push("reject");
      throw new NonRetriableError("bad input");
    });
  },
);

const exhausted = client.createFunction(
  {
    id: "exhausted",
    triggers: [{ event: "test/exhausted" }],
    retries: 1,
    onFailure: async ({ error, step }) => {
      await step.run("record-failure", () => {
        failures.push({ functionId: "exhausted", message: error.message, eventData: null });
      });
    },
  },
  async ({ step }) => {
    await step.run("always-fails", () => {
      effects.push("always-fails");
      throw new Error("still broken");
    });
  },
);

const retryAfter = client.createFunction(
  { id: "retry-after", triggers: [{ event: "test/retry-after" }], retries: 1 },
  async ({ step }) =>
    step.run("rate-limited", () => {
      effects.push("rate-limited");
      if (count("rate-limited") === 1) throw new RetryAfterError("slow down", 1000);
      return "ok";
    }),
);

const fanOut = client.createFunction(
  { id: "fan-out", triggers: [{ event: "test/fan-out" }] },
  async ({ step }) => {
    await step.sendEvent("notify", { name: "test/fanned", data: { from: "fan-out" } });
    return "sent";
  },
);

const fanned = client.createFunction(
  { id: "fanned", triggers: [{ event: "test/fanned" }] },
  async ({ event, step }) => step.run("receive", () => event.data),
);

const functionError = client.createFunction(
  { id: "function-error", triggers: [{ event: "test/function-error" }], retries: 1 },
  async ({ step }) => {
    const value = await step.run("before", () => {
      effects.push("before");
      return 41;
    });
    effects.push("body");
    if (count("body") === 1) throw new Error("thrown outside any step");
    return value + 1;
  },
);

let dataDir: string | undefined;
let executor: EmbeddedExecutor;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  executor = new EmbeddedExecutor({
    client,
    functions: [multiStep, nonRetriable, exhausted, retryAfter, fanOut, fanned, functionError],
    db: await getDb(),
    pollIntervalMs: 200,
    backoff: { baseMs: 20, maxMs: 100 },
  });
  await executor.start();
});

afterAll(async () => {
  await executor?.stop();
  await closeTestDatabase(dataDir);
});

describe("embedded executor (inngest SDK contract)", () => {
  it("runs a multi-step function, retries the failing step without re-running earlier ones, and sleeps", async () => {
    const started = Date.now();
    const [eventId] = await executor.send([{ name: "test/multi-step", data: { n: 7 } }]);
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.status).toBe("completed");
    expect(run?.output).toEqual({ one: 1, flaky: 2, three: 3, wrapped: { data: "kept" }, input: { n: 7 } });
    expect(count("one")).toBe(1);
    expect(count("flaky")).toBe(2);
    expect(count("three")).toBe(1);
    // The SDK rounds sleeps up to whole seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(run?.stack).toHaveLength(5);
  });

  it("fails a NonRetriableError at once and calls onFailure with the error and the original event", async () => {
    const [eventId] = await executor.send([{ name: "test/non-retriable", data: { why: "test" } }]);
    const runs = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(runs[0]?.status).toBe("failed");
    expect(runs[0]?.error).toContain("bad input");
    expect(count("reject")).toBe(1);
    const failureRuns = await waitForEventRuns(await getDb(), `failure-${runs[0]?.id}`);
    expect(failureRuns[0]?.functionId).toBe("contract-test-non-retriable-failure");
    expect(failureRuns[0]?.status).toBe("completed");
    expect(failures).toContainEqual({
      functionId: "non-retriable",
      message: "bad input",
      eventData: { why: "test" },
    });
  });

  it("gives up after the function's retries and runs onFailure (with its own steps) once", async () => {
    const [eventId] = await executor.send([{ name: "test/exhausted", data: {} }]);
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.status).toBe("failed");
    expect(count("always-fails")).toBe(2);
    await waitForEventRuns(await getDb(), `failure-${run?.id}`);
    expect(failures.filter((f) => f.functionId === "exhausted")).toEqual([
      { functionId: "exhausted", message: "still broken", eventData: null },
    ]);
  });

  it("waits as long as a RetryAfterError asks", async () => {
    const started = Date.now();
    const [eventId] = await executor.send([{ name: "test/retry-after", data: {} }]);
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.output).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("retries an error thrown outside a step, replaying the memoized step instead of re-running it", async () => {
    const [eventId] = await executor.send([{ name: "test/function-error", data: {} }]);
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.output).toBe(42);
    expect(count("before")).toBe(1);
    expect(count("body")).toBe(2);
  });

  it("queues step.sendEvent events for the functions they trigger, once", async () => {
    const [eventId] = await executor.send([{ name: "test/fan-out", data: {} }]);
    const [run] = await waitForEventRuns(await getDb(), eventId ?? "");
    expect(run?.output).toBe("sent");
    const received = await listJobRuns(await getDb(), { functionId: "contract-test-fanned" });
    expect(received).toHaveLength(1);
    // Derived from the run and the step (SHA-1 of its id), so a re-run of the step cannot queue a duplicate.
    const notifyStepId = createHash("sha1").update("notify").digest("hex");
    expect(received[0]?.eventId).toBe(`${run?.id}:${notifyStepId}:0`);
    const [done] = await waitForEventRuns(await getDb(), received[0]?.eventId ?? "");
    expect(done?.output).toEqual({ from: "fan-out" });
  });

  it("treats a re-sent event id as the same run", async () => {
    const id = crypto.randomUUID();
    await executor.send([{ name: "test/retry-after", data: {}, id }]);
    await executor.send([{ name: "test/retry-after", data: {}, id }]);
    const runs = await waitForEventRuns(await getDb(), id);
    expect(runs).toHaveLength(1);
    expect((await getJobRunById(await getDb(), runs[0]?.id ?? ""))?.status).toBe("completed");
  });
});
