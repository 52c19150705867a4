import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAll } from "../testing/stream-from";

const sample = readFileSync(new URL("../samples/calendar.trace.json", import.meta.url), "utf8");

describe("Chrome trace import", () => {
  it("gives a timeline of input events, navigations and screenshots without invented values", async () => {
    const { format, events, issues } = await importAll(sample, {
      fileName: "Trace-20260302.json",
      chunkSize: 13,
    });
    expect(format).toBe("chrome-trace");
    expect(events.map((e) => [e.type, e.ts])).toEqual([
      ["navigation", 1000],
      ["mousedown", 2000],
      ["mouseup", 2080],
      ["click", 2080.5],
      ["screenshot", 2100],
      ["keyup", 2999],
      ["keydown", 3000],
      ["input", 3000.1],
      ["navigation", 4000],
    ]);
    expect(events[0]).toMatchObject({ url: "https://calendar.google.com/calendar/u/0/r/week", tab: "F1" });
    expect(events[1]).toMatchObject({ tab: "F1", url: "https://calendar.google.com/calendar/u/0/r/week" });
    expect(events[4]?.screenshot?.byteLength).toBeGreaterThan(100);
    expect(events[8]).toMatchObject({ url: "https://calendar.google.com/calendar/u/0/r/eventedit" });
    for (const event of events) {
      expect(event).not.toHaveProperty("value");
      expect(event).not.toHaveProperty("target");
      expect(event.source.timeline).toBe("monotonic");
    }
    expect(events[1]?.source.path).toBe("$.traceEvents[4]");
    expect(issues).toEqual([expect.objectContaining({ path: "$.traceEvents[12]", code: "invalid_event" })]);
  });

  it("reads a bare array trace and reports truncation", async () => {
    const traceEvents = (JSON.parse(sample) as { traceEvents: unknown[] }).traceEvents;
    const bare = `[\n${traceEvents.map((e) => JSON.stringify(e)).join(",\n")}\n]`;
    const { format, events, issues } = await importAll(
      bare.slice(0, bare.indexOf('{"args":{"data":{"type":"keydown"')),
    );
    expect(format).toBe("chrome-trace");
    expect(events.map((e) => e.type)).toEqual(["navigation", "mousedown", "mouseup", "click", "screenshot"]);
    expect(issues).toEqual([expect.objectContaining({ code: "truncated_json" })]);
  });
});
