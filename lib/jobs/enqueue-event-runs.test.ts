import { eventType, Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { triggerCronExpressions } from "./cron-schedule";
import { servedFunctionId, triggerEventNames } from "./enqueue-event-runs";

const client = new Inngest({ id: "trigger-test" });
const typed = eventType("test/typed", { schema: z.object({ id: z.string() }) });

describe("triggerEventNames", () => {
  it("reads event names from every trigger form the SDK accepts", () => {
    const fn = client.createFunction(
      {
        id: "many-triggers",
        triggers: [{ event: "test/plain" }, typed, { event: eventType("test/nested") }],
      },
      async () => null,
    );
    expect(triggerEventNames(fn)).toEqual(["test/plain", "test/typed", "test/nested"]);
  });

  it("leaves cron triggers to the cron scheduler: no event starts them, their schedule is read instead", () => {
    const fn = client.createFunction(
      { id: "nightly", triggers: [{ cron: "0 3 * * *" }, { event: "test/manual" }] },
      async () => null,
    );
    expect(triggerEventNames(fn)).toEqual(["test/manual"]);
    expect(triggerCronExpressions(fn)).toEqual(["0 3 * * *"]);
  });
});

describe("servedFunctionId", () => {
  it("is the id serve() registers the function under", () => {
    const fn = client.createFunction({ id: "process-session", triggers: [{ event: "x" }] }, async () => null);
    expect(servedFunctionId(fn, client.id)).toBe("trigger-test-process-session");
  });
});
