import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importAll } from "../../../../test/helpers/stream-from";

const sample = readFileSync(new URL("../samples/gmail-compose.input_events.jsonl", import.meta.url), "utf8");

describe("native input_events.jsonl import", () => {
  it("imports valid lines, reports bad ones with their line numbers", async () => {
    const { format, events, issues } = await importAll(sample, { fileName: "input_events.jsonl" });
    expect(format).toBe("native");
    expect(events.map((e) => e.id)).toEqual(["m1", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e9"]);
    expect(issues).toEqual([
      expect.objectContaining({ file: "input_events.jsonl", line: 10, code: "invalid_json" }),
      expect.objectContaining({ line: 11, path: "$.timestamp", code: "invalid_event" }),
    ]);
    const click = events.find((e) => e.id === "e2");
    expect(click).toMatchObject({
      ts: 1772439301000,
      type: "click",
      target: { role: "button", text: "Compose" },
    });
    expect(click?.source).toEqual({ format: "native", file: "input_events.jsonl", line: 3 });
    expect(events[0]?.ts).toBe(Date.parse("2026-03-02T08:15:00.000Z"));
  });

  it("flags masked values and drops them", async () => {
    const { events } = await importAll(sample);
    const body = events.find((e) => e.id === "e7");
    expect(body?.masked).toBe(true);
    expect(body).not.toHaveProperty("value");
    expect(events.find((e) => e.id === "e6")?.value).toBe("Quarterly report");
  });

  it("orders by time (stable) and makes duplicate ids unique", async () => {
    const lines = [
      { id: "a", timestamp: 2000, type: "click" },
      { id: "a", timestamp: 1000, type: "click" },
      { id: "b", timestamp: 1000, type: "keydown", key: "x" },
    ].map((e) => JSON.stringify(e));
    const { events, issues } = await importAll(lines.join("\n"), { format: "native" });
    expect(events.map((e) => [e.id, e.ts])).toEqual([
      ["a", 1000],
      ["b", 1000],
      ["a~2", 2000],
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: "duplicate_id", line: 1 })]);
  });
});
