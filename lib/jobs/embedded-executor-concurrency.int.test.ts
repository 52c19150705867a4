import { Inngest } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "./embedded-client-options";
import { EmbeddedExecutor } from "./embedded-executor";
import { waitForEventRuns } from "./wait-for-job-runs";

// Flow control as an Inngest engine applies it: `concurrency` with a key limits the runs in progress per key
// value, so one account's backlog cannot hold every worker while another account waits; options the executor
// cannot honour are refused when the function is registered.

const client = new Inngest({
  id: "concurrency-test",
  logger: childLogger("inngest"),
  ...embeddedClientOptions(),
});

/** Each run's step blocks until the test opens its gate, so "in progress" is observable. */
const gates = new Map<string, () => void>();
const started: string[] = [];
const inProgress = new Map<string, number>();
const maxInProgress = new Map<string, number>();

async function work(group: string, runKey: string) {
  started.push(runKey);
  const now = (inProgress.get(group) ?? 0) + 1;
  inProgress.set(group, now);
  maxInProgress.set(group, Math.max(maxInProgress.get(group) ?? 0, now));
  await new Promise<void>((resolve) => gates.set(runKey, resolve));
  inProgress.set(group, (inProgress.get(group) ?? 1) - 1);
}

const perAccount = client.createFunction(
  {
    id: "per-account",
    triggers: [{ event: "fair/work" }],
    concurrency: [{ key: "event.data.ownerId", limit: 2 }],
  },
  async ({ event, step }) => {
    const owner = String(event.data.ownerId);
    await step.run("work", () => work(owner, String(event.data.name)));
    return owner;
  },
);

const oneAtATime = client.createFunction(
  { id: "one-at-a-time", triggers: [{ event: "fair/serial" }], concurrency: { limit: 1 } },
  async ({ event, step }) => {
    await step.run("work", () => work("serial", String(event.data.name)));
    return "done";
  },
);

let dataDir: string | undefined;
const executors: EmbeddedExecutor[] = [];

async function startExecutor(): Promise<EmbeddedExecutor> {
  const executor = new EmbeddedExecutor({
    client,
    functions: [perAccount, oneAtATime],
    db: await getDb(),
    pollIntervalMs: 50,
    concurrency: 4,
  });
  await executor.start();
  executors.push(executor);
  return executor;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; started: ${started.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens the gate of a run once it has started (a gate opened before its run starts would be lost). */
async function release(runKey: string): Promise<void> {
  await waitUntil(() => gates.has(runKey), `${runKey} to start`);
  gates.get(runKey)?.();
}

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});

afterEach(async () => {
  for (const open of gates.values()) open();
  await Promise.all(executors.splice(0).map((executor) => executor.stop()));
  gates.clear();
  started.length = 0;
  inProgress.clear();
  maxInProgress.clear();
});

afterAll(async () => {
  await closeTestDatabase(dataDir);
});

describe("concurrency with a key", () => {
  it("starts another account's run while one account's four runs are queued, two at a time", {
    timeout: 120_000,
  }, async () => {
    const executor = await startExecutor();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const id = crypto.randomUUID();
    await executor.send(
      [1, 2, 3, 4].map((n) => ({
        name: "fair/work",
        id: `${id}-a${n}`,
        data: { ownerId: a, name: `a${n}` },
      })),
    );
    await waitUntil(() => started.length >= 2, "two of account A's runs to start");
    await executor.send([{ name: "fair/work", id: `${id}-b`, data: { ownerId: b, name: "b" } }]);

    // B starts although none of A's runs has finished, and A never has more than two in progress.
    await waitUntil(() => started.includes("b"), "account B's run to start");
    expect(started.filter((name) => name.startsWith("a"))).toHaveLength(2);
    expect(maxInProgress.get(a)).toBe(2);

    await release("b");
    // A's runs start in no particular order among themselves: release each as it starts.
    for (let n = 0; n < 4; n++) {
      await waitUntil(() => started.filter((name) => name.startsWith("a")).length > n, `A's run ${n + 1}`);
      await release(started.filter((name) => name.startsWith("a"))[n] ?? "");
    }
    for (const key of ["a1", "a2", "a3", "a4", "b"]) {
      const [run] = await waitForEventRuns(await getDb(), `${id}-${key}`);
      expect(run?.status).toBe("completed");
    }
    expect(maxInProgress.get(a)).toBe(2);
    expect(maxInProgress.get(b)).toBe(1);
  });

  it("holds a function-wide limit across two executors sharing the database", {
    timeout: 120_000,
  }, async () => {
    const first = await startExecutor();
    await startExecutor();
    const id = crypto.randomUUID();
    await first.send(
      [1, 2, 3].map((n) => ({ name: "fair/serial", id: `${id}-${n}`, data: { name: `s${n}` } })),
    );
    await waitUntil(() => started.length === 1, "the first serial run to start");
    // Both executors poll every 50 ms with free slots; neither may start a second run while one is in progress.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(started).toHaveLength(1);
    for (const n of [1, 2, 3]) {
      await release(started[n - 1] ?? "");
      if (n < 3) await waitUntil(() => started.length === n + 1, `serial run ${n + 1} to start`);
    }
    for (const n of [1, 2, 3]) {
      const [run] = await waitForEventRuns(await getDb(), `${id}-${n}`);
      expect(run?.status).toBe("completed");
    }
    expect(maxInProgress.get("serial")).toBe(1);
  });
});

it("refuses to register a function with flow control it does not support", async () => {
  const throttled = client.createFunction(
    { id: "throttled", triggers: [{ event: "fair/throttled" }], throttle: { limit: 1, period: "1s" } },
    async () => null,
  );
  expect(() => new EmbeddedExecutor({ client, functions: [perAccount, throttled], db: {} as never })).toThrow(
    'Function "concurrency-test-throttled" uses throttle, which the embedded executor does not support',
  );
});
