import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nativeEventSchema } from "@/schemas/events";
import { importAll } from "../../../../test/helpers/stream-from";

/** A valid value for each optional native field, so any subset of fields makes a valid event. */
const VALID: Record<string, unknown> = {
  url: "https://mail.google.com/mail/u/0/#inbox",
  title: "Inbox",
  tab: "t1",
  target: { role: "textbox", tag: "input", extra: "dropped", ariaLabel: "To" },
  value: "ada@example.com",
  data: "m",
  inputType: "insertText",
  key: "Enter",
  code: "Enter",
  modifiers: ["Shift"],
  x: 1,
  y: 2,
  scrollX: 3,
  scrollY: 4,
  button: 0,
  timezone: "Europe/Berlin",
  userAgent: "Mozilla/5.0",
  viewport: { height: 800, width: 1280 },
  screenshot: { mimeType: "image/png", byteLength: 10 },
};

const schemaOrder = Object.keys(nativeEventSchema.shape);

describe("native import output fields", () => {
  it("keeps every field, drops unknown ones, in schema order whatever the line's order (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(Object.keys(VALID)), fc.boolean(), async (keys, withId) => {
        const line: Record<string, unknown> = { unknown: 1 };
        for (const key of keys) line[key] = VALID[key];
        line.type = "input";
        line.timestamp = 1772439300000;
        if (withId) line.id = "e1";
        const { events, issues } = await importAll(`${JSON.stringify(line)}\n`, { format: "native" });
        expect(issues).toEqual([]);
        const event = events[0] as Record<string, unknown>;
        const expectedKeys = schemaOrder.filter((key) => keys.includes(key));
        expect(Object.keys(event)).toEqual(["id", "ts", "type", "source", ...expectedKeys]);
        if (keys.includes("target")) {
          expect(Object.keys(event.target as object)).toEqual(["tag", "role", "ariaLabel"]);
        }
        if (keys.includes("viewport")) expect(event.viewport).toEqual({ width: 1280, height: 800 });
        expect(event.id).toBe(withId ? "e1" : "n1");
      }),
      { numRuns: 200 },
    );
  });
});
