import fc from "fast-check";
import { cron, Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { cronEventId, parseCronSchedule, triggerCronExpressions } from "./cron-schedule";

const at = (iso: string) => new Date(iso);

describe("parseCronSchedule", () => {
  it("reads five fields in UTC, whatever the server's zone", () => {
    const serverZone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      const noon = parseCronSchedule("0 12 * * *");
      expect(noon.nextAfter(at("2026-11-22T10:00:00Z"))).toEqual(at("2026-11-22T12:00:00Z"));
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
  });

  it("computes the latest tick at or before now and the next one after it", () => {
    const hourly = parseCronSchedule("7 * * * *");
    expect(hourly.timezone).toBe("UTC");
    expect(hourly.nextAfter(at("2026-11-22T10:06:59Z"))).toEqual(at("2026-11-22T10:07:00Z"));
    expect(hourly.nextAfter(at("2026-11-22T10:07:00Z"))).toEqual(at("2026-11-22T11:07:00Z"));
    expect(hourly.latestAtOrBefore(at("2026-11-22T10:07:00Z"))).toEqual(at("2026-11-22T10:07:00Z"));
    expect(hourly.latestAtOrBefore(at("2026-11-22T10:06:59.999Z"))).toEqual(at("2026-11-22T09:07:00Z"));
  });

  it("honours Inngest's TZ= prefix (half-hour zones and daylight saving included) and keeps the expression", () => {
    const kolkata = parseCronSchedule("TZ=Asia/Kolkata 7 * * * *");
    expect(kolkata.timezone).toBe("Asia/Kolkata");
    expect(kolkata.expression).toBe("TZ=Asia/Kolkata 7 * * * *");
    expect(kolkata.nextAfter(at("2026-11-22T10:00:00Z"))).toEqual(at("2026-11-22T10:37:00Z"));

    // Inngest's own docs example, trailing space included: noon on Fridays in Paris.
    const paris = parseCronSchedule("TZ=Europe/Paris 0 12 * * 5 ");
    expect(paris.nextAfter(at("2026-07-01T00:00:00Z"))).toEqual(at("2026-07-03T10:00:00Z"));
    expect(paris.nextAfter(at("2026-11-22T00:00:00Z"))).toEqual(at("2026-11-27T11:00:00Z"));
  });

  it("accepts descriptors and weekday names, and ORs day-of-month with day-of-week like Vixie cron", () => {
    expect(parseCronSchedule("@hourly").nextAfter(at("2026-11-22T10:30:00Z"))).toEqual(
      at("2026-11-22T11:00:00Z"),
    );
    expect(parseCronSchedule("0 9 * * MON").nextAfter(at("2026-11-22T10:00:00Z"))).toEqual(
      at("2026-11-23T09:00:00Z"),
    );
    const firstOrMonday = parseCronSchedule("0 0 1 * 1");
    expect(firstOrMonday.nextAfter(at("2026-11-28T00:00:00Z"))).toEqual(at("2026-11-30T00:00:00Z"));
    expect(firstOrMonday.nextAfter(at("2026-11-30T00:00:00Z"))).toEqual(at("2026-12-01T00:00:00Z"));
  });

  it("refuses what an Inngest engine would not sync", () => {
    expect(() => parseCronSchedule("*/5 * * * * *")).toThrow(/Invalid cron trigger "\*\/5 \* \* \* \* \*"/);
    expect(() => parseCronSchedule("every hour")).toThrow(/Invalid cron trigger/);
    expect(() => parseCronSchedule("61 * * * *")).toThrow(/Invalid cron trigger/);
    expect(() => parseCronSchedule("TZ=Nowhere/Atlantis 0 * * * *")).toThrow(/Invalid cron trigger/);
  });

  it("has no tick between the latest one at or before now and the next one after it", () => {
    const expressions = [
      "7 * * * *",
      "*/5 * * * *",
      "0 3 * * 1-5",
      "TZ=America/New_York 30 2 * * *",
      "@daily",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...expressions),
        fc.date({ min: at("2020-01-01T00:00:00Z"), max: at("2035-01-01T00:00:00Z"), noInvalidDate: true }),
        (expression, now) => {
          const schedule = parseCronSchedule(expression);
          const latest = schedule.latestAtOrBefore(now);
          const next = schedule.nextAfter(now);
          expect(latest).not.toBeNull();
          expect(next).not.toBeNull();
          if (!latest || !next) return;
          expect(latest.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(schedule.nextAfter(latest)).toEqual(next);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("triggerCronExpressions", () => {
  it("reads cron triggers in both forms and skips event triggers", () => {
    const client = new Inngest({ id: "cron-test" });
    const fn = client.createFunction(
      {
        id: "mixed",
        triggers: [cron("7 * * * *"), { event: "test/x" }, { cron: "TZ=Europe/Paris 0 12 * * 5" }],
      },
      async () => null,
    );
    expect(triggerCronExpressions(fn)).toEqual(["7 * * * *", "TZ=Europe/Paris 0 12 * * 5"]);
  });
});

describe("cronEventId", () => {
  it("is the tick in RFC 3339 with whole seconds, as the Inngest engine's cron event id", () => {
    expect(cronEventId(at("2026-11-22T10:07:00Z"))).toBe("2026-11-22T10:07:00Z");
  });
});
