import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { assertSupportedFlowControl, concurrencyKeysFor } from "./flow-control";

const client = new Inngest({ id: "flow-control-test" });
const noop = async () => null;

describe("assertSupportedFlowControl", () => {
  it.each([
    ["throttle", { throttle: { limit: 1, period: "1s" } }],
    ["rateLimit", { rateLimit: { limit: 1, period: "1m" } }],
    ["debounce", { debounce: { period: "5s" } }],
    ["batchEvents", { batchEvents: { maxSize: 10, timeout: "5s" } }],
    ["priority", { priority: { run: "event.data.priority" } }],
    ["idempotency", { idempotency: "event.data.id" }],
    ["singleton", { singleton: { mode: "skip" } }],
    ["cancelOn", { cancelOn: [{ event: "x/cancel", match: "data.id" }] }],
    ["timeouts", { timeouts: { finish: "1m" } }],
  ] as const)("refuses %s at registration, naming the function and the option", (option, opts) => {
    const fn = client.createFunction({ id: "f", triggers: [{ event: "x/y" }], ...opts } as never, noop);
    expect(() => assertSupportedFlowControl(fn, "app-f")).toThrow(
      new RegExp(`Function "app-f" uses ${option}, which the embedded executor does not support`),
    );
  });

  it("accepts the options it honours, concurrency included", () => {
    const fn = client.createFunction(
      {
        id: "f",
        triggers: [{ event: "x/y" }],
        retries: 2,
        onFailure: noop,
        concurrency: [{ key: "event.data.ownerId", limit: 2 }, { limit: 10 }],
      },
      noop,
    );
    expect(() => assertSupportedFlowControl(fn, "app-f")).not.toThrow();
  });

  it("refuses a key expression it cannot evaluate exactly, and bad limits", () => {
    const concat = client.createFunction(
      {
        id: "f",
        triggers: [{ event: "x/y" }],
        concurrency: { key: 'event.data.a + "-" + event.data.b', limit: 1 },
      },
      noop,
    );
    expect(() => assertSupportedFlowControl(concat, "app-f")).toThrow(/concurrency key .* is not supported/);
    const fractional = client.createFunction(
      { id: "f", triggers: [{ event: "x/y" }], concurrency: { limit: 1.5 } },
      noop,
    );
    expect(() => assertSupportedFlowControl(fractional, "app-f")).toThrow(/non-negative integer/);
    const unkeyedAccount = client.createFunction(
      { id: "f", triggers: [{ event: "x/y" }], concurrency: { limit: 1, scope: "account" } },
      noop,
    );
    expect(() => assertSupportedFlowControl(unkeyedAccount, "app-f")).toThrow(/needs a key/);
  });
});

describe("concurrencyKeysFor", () => {
  const fn = client.createFunction(
    {
      id: "f",
      triggers: [{ event: "x/y" }],
      concurrency: [
        { key: "event.data.ownerId", limit: 2 },
        { key: '"llm"', limit: 5, scope: "account" },
      ],
    },
    noop,
  );

  it("evaluates each key on the event into one group per key value, with its limit", () => {
    expect(concurrencyKeysFor(fn, "app-f", { data: { ownerId: "acc-1" } })).toEqual({
      concurrencyKeys: ['fn:app-f:0:"acc-1"', 'account:"llm"'],
      concurrencyLimits: [2, 5],
    });
    expect(concurrencyKeysFor(fn, "app-f", { data: { ownerId: "acc-2" } }).concurrencyKeys[0]).toBe(
      'fn:app-f:0:"acc-2"',
    );
  });

  it("groups runs whose key field is missing together instead of leaving them unlimited", () => {
    expect(concurrencyKeysFor(fn, "app-f", { data: {} }).concurrencyKeys[0]).toBe("fn:app-f:0:null");
  });

  it("reads a bare number as a function-wide limit, and 0 as no limit (Inngest's meaning)", () => {
    const limited = client.createFunction({ id: "g", triggers: [{ event: "x/y" }], concurrency: 1 }, noop);
    expect(concurrencyKeysFor(limited, "app-g", {})).toEqual({
      concurrencyKeys: ["fn:app-g:0:"],
      concurrencyLimits: [1],
    });
    const unlimited = client.createFunction({ id: "h", triggers: [{ event: "x/y" }], concurrency: 0 }, noop);
    expect(concurrencyKeysFor(unlimited, "app-h", {})).toEqual({
      concurrencyKeys: [],
      concurrencyLimits: [],
    });
  });
});
