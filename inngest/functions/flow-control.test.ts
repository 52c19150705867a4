import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { assertSupportedFlowControl, concurrencyKeysFor } from "@/lib/jobs/flow-control";
import { ACCOUNT_RUN_LIMIT } from "./flow-control";
import { generateExampleFunction } from "./generate-example";
import { processSessionFunction } from "./process-session";

describe("the app's functions and the embedded executor", () => {
  it("declare only flow control the embedded executor honours", () => {
    for (const fn of functions) expect(() => assertSupportedFlowControl(fn, fn.id(inngest.id))).not.toThrow();
  });

  it.each([
    ["process-session", processSessionFunction],
    ["generate-example", generateExampleFunction],
  ])(
    "limit %s per account (workspace): one account's runs share a group, another account's run is in its own",
    (_, fn) => {
      const id = fn.id(inngest.id);
      const a = crypto.randomUUID();
      const b = crypto.randomUUID();
      const keysOf = (workspaceId: string) =>
        concurrencyKeysFor(fn, id, { data: { workspaceId, sessionId: crypto.randomUUID() } });
      expect(keysOf(a).concurrencyLimits).toEqual([ACCOUNT_RUN_LIMIT]);
      expect(keysOf(a).concurrencyKeys).toEqual(keysOf(a).concurrencyKeys);
      expect(keysOf(a).concurrencyKeys).not.toEqual(keysOf(b).concurrencyKeys);
    },
  );
});
