import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CanonicalEvent } from "@/schemas/events";
import { collect } from "../../../test/helpers/stream-from";
import { buildBronze, offsetToZone } from "./build-bronze";

async function* from(events: CanonicalEvent[]): AsyncGenerator<CanonicalEvent> {
  yield* events;
}

const event = (id: string, ts: number, fields: Partial<CanonicalEvent> = {}): CanonicalEvent => ({
  id,
  ts,
  type: "input",
  source: { format: "native", line: Number(id.replace(/\D/g, "")) || 1 },
  ...fields,
});

describe("buildBronze", () => {
  it("never keeps password values, nor the characters typed into password fields", async () => {
    const password = { tag: "input", type: "password", name: "pw" };
    const byAutocomplete = { tag: "input", attributes: { autocomplete: "new-password" } };
    const bronze = buildBronze(
      from([
        event("e1", 1, { target: password, value: "hunter2", data: "2" }),
        event("e2", 2, { type: "keydown", target: password, key: "h", code: "KeyH" }),
        event("e3", 3, { type: "keydown", target: password, key: "Enter", code: "Enter" }),
        event("e4", 4, { type: "change", target: byAutocomplete, value: "s3cret" }),
        event("e5", 5, { type: "click", target: password }),
      ]),
    );
    const events = await collect(bronze.events);
    expect(JSON.stringify(events)).not.toMatch(/hunter2|s3cret|KeyH|"h"/);
    expect(events[0]).toMatchObject({ masked: true });
    expect(events[0]).not.toHaveProperty("value");
    expect(events[1]).not.toHaveProperty("key");
    expect(events[2]).toMatchObject({ key: "Enter" });
    expect(events[4]).not.toHaveProperty("masked");
    expect(bronze.summary.passwordCount).toBe(3);
  });

  it("flags all-* values as masked and keeps other values", async () => {
    const bronze = buildBronze(
      from([
        event("e1", 1, { value: "****" }),
        event("e2", 2, { value: "a*b" }),
        event("e3", 3, { value: "" }),
      ]),
    );
    const events = await collect(bronze.events);
    expect(events[0]).toEqual(expect.objectContaining({ masked: true }));
    expect(events[0]).not.toHaveProperty("value");
    expect(events[1]?.value).toBe("a*b");
    expect(events[2]?.value).toBe("");
    expect(bronze.summary.maskedCount).toBe(1);
  });

  it("takes the timezone from meta, else from ISO offsets", async () => {
    const withMeta = buildBronze(from([event("e1", 1, { type: "meta", timezone: "America/New_York" })]), {
      hints: { timezoneOffsetMinutes: 60 },
    });
    await collect(withMeta.events);
    expect(withMeta.summary).toMatchObject({ timezone: "America/New_York", timezoneSource: "meta" });
    const fromOffset = buildBronze(from([event("e1", 1)]), { hints: { timezoneOffsetMinutes: 120 } });
    await collect(fromOffset.events);
    expect(fromOffset.summary).toMatchObject({ timezone: "Etc/GMT-2", timezoneSource: "offset" });
    expect(offsetToZone(-300)).toBe("Etc/GMT+5");
    expect(offsetToZone(330)).toBeUndefined();
  });

  it("orders by time, stable for equal times, with unique ids (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ ts: fc.integer({ min: 0, max: 20 }), id: fc.constantFrom("a", "b", "c", "a~2") }),
          { maxLength: 60 },
        ),
        async (items) => {
          const input = items.map((item, i) =>
            event(item.id, item.ts, { source: { format: "native", line: i + 1 } }),
          );
          const events = await collect(buildBronze(from(input)).events);
          expect(events).toHaveLength(input.length);
          const expected = [...input].sort(
            (x, y) => x.ts - y.ts || (x.source.line ?? 0) - (y.source.line ?? 0),
          );
          expect(events.map((e) => e.source.line)).toEqual(expected.map((e) => e.source.line));
          expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps output ordered when events arrive later than the reorder window", async () => {
    const bronze = buildBronze(from([event("e1", 10), event("e2", 20), event("e3", 30), event("e4", 5)]), {
      reorderWindow: 1,
    });
    const events = await collect(bronze.events);
    expect(events.map((e) => e.ts)).toEqual([10, 20, 20, 30]);
    expect(bronze.issues).toEqual([expect.objectContaining({ code: "out_of_order", line: 4 })]);
  });
});
