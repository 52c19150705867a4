import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTargetSchema, eventTypeSchema, nativeEventSchema } from "@/schemas/events";
import { nativeEventParser } from "./import-native";

/** Strings at and around a length limit, counted in UTF-16 units, including astral characters. */
const aroundLimit = (max: number) =>
  fc.constantFrom(
    "a".repeat(max),
    "a".repeat(max + 1),
    "😀".repeat(Math.floor(max / 2)),
    `${"😀".repeat(Math.floor(max / 2))}a`,
    "é".repeat(max),
    "",
  );

// Megabyte-sized values are rare so the properties stay fast; every limit is still hit many times per run.
const text = (max: number) =>
  fc.oneof(
    { weight: max > 10_000 ? 40 : 4, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: aroundLimit(max) },
  );

const isoTimestamp = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-03-02T10:15:00+02:00",
    "2026-03-02T10:15:00.123-05:30",
    "2026-03-02T10:15:00",
    "2026-03-02 10:15:00Z",
    "2026-13-02T10:15:00Z",
    "2026-03-02T10:15:00+0200",
    "2026-03-02T24:00:00Z",
    "2026-03-02",
  ),
);

const target = fc.record(
  {
    tag: text(64),
    id: text(512),
    name: text(512),
    type: text(64),
    role: text(64),
    ariaLabel: text(2048),
    label: text(2048),
    placeholder: text(2048),
    text: text(4096),
    selector: text(4096),
    href: text(8192),
    contentEditable: fc.boolean(),
    checked: fc.boolean(),
    attributes: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

const validEvent = fc.record(
  {
    id: text(128),
    timestamp: fc.oneof(fc.nat(), fc.double({ min: 0, max: 4e12, noNaN: true }), isoTimestamp),
    type: fc.constantFrom(...eventTypeSchema.options),
    url: text(8192),
    title: text(2048),
    tab: text(128),
    target,
    value: fc.option(text(1_000_000), { nil: null }),
    data: text(1_000_000),
    inputType: text(64),
    key: text(64),
    code: text(64),
    modifiers: fc.array(fc.constantFrom("Alt", "Control", "Meta", "Shift"), { maxLength: 4 }),
    x: fc.double(),
    y: fc.integer(),
    scrollX: fc.double({ noNaN: true }),
    scrollY: fc.integer(),
    button: fc.integer({ min: -1, max: 5 }),
    timezone: text(64),
    userAgent: text(1024),
    viewport: fc.record({ width: fc.integer(), height: fc.double() }),
    screenshot: fc.record(
      { byteLength: fc.oneof(fc.nat(), fc.double()), mimeType: text(64) },
      { requiredKeys: ["byteLength"] },
    ),
  },
  { requiredKeys: ["timestamp", "type"] },
);

/** Values that break one field or another: wrong types, non-finite numbers, empty containers, junk. */
const oddValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 0, "", [], {}, [1], true),
  aroundLimit(64),
  isoTimestamp,
);

const topKeys = [...Object.keys(nativeEventSchema.shape), "extra", "__proto__", "constructor"];
const targetKeys = [...Object.keys(eventTargetSchema.shape), "xpath"];

/** A valid event with one to three fields replaced, deleted or added, at the top or inside nested objects. */
const mutatedEvent = fc
  .tuple(
    validEvent,
    fc.array(
      fc.record({
        where: fc.constantFrom("top", "target", "viewport", "screenshot", "modifiers", "attributes"),
        key: fc.constantFrom(...topKeys, ...targetKeys, "width", "byteLength", "0"),
        action: fc.constantFrom("set", "delete"),
        value: oddValue,
      }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([event, mutations]) => {
    const out = structuredClone(event) as Record<string, unknown>;
    for (const { where, key, action, value } of mutations) {
      let holder: Record<string, unknown> = out;
      if (where === "attributes") {
        const nested = out.target as Record<string, unknown> | undefined;
        holder = (nested?.attributes as Record<string, unknown> | undefined) ?? out;
      } else if (where !== "top") {
        holder = (out[where] as Record<string, unknown> | undefined) ?? out;
      }
      if (typeof holder !== "object" || holder === null) continue;
      if (action === "delete") delete holder[key];
      else holder[key] = value;
    }
    return out;
  });

function expectSameResult(input: unknown): void {
  const runtime = nativeEventSchema.safeParse(input);
  const compiled = nativeEventParser.safeParse(input);
  expect(compiled.success).toBe(runtime.success);
  if (runtime.success && compiled.success) {
    expect(compiled.data).toStrictEqual(runtime.data);
    // Key order reaches the bronze artifacts through JSON.stringify.
    expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(runtime.data));
  } else {
    expect(compiled.error?.issues).toEqual(runtime.error?.issues);
  }
}

describe("nativeEventParser (compiled nativeEventSchema)", () => {
  it("is a compiled clone, not the schema itself", () => {
    expect(nativeEventParser).not.toBe(nativeEventSchema);
  });

  it("accepts what the schema accepts and builds the same output (property)", () => {
    fc.assert(fc.property(validEvent, expectSameResult), { numRuns: 2000 });
  }, 30_000);

  it("rejects what the schema rejects, with the same issues, on mutated events (property)", () => {
    fc.assert(fc.property(mutatedEvent, expectSameResult), { numRuns: 4000 });
  }, 30_000);

  it("agrees on arbitrary JSON values and on JSON round trips of events", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), expectSameResult), { numRuns: 1000 });
    fc.assert(
      fc.property(mutatedEvent, (event) => {
        const text = JSON.stringify(event);
        if (text !== undefined) expectSameResult(JSON.parse(text));
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it("both reject and both accept hand-picked boundary events", () => {
    const base = { timestamp: 1, type: "click" };
    const cases: unknown[] = [
      base,
      { ...base, id: "" },
      { ...base, id: "x".repeat(128) },
      { ...base, id: "x".repeat(129) },
      { ...base, timestamp: -1 },
      { ...base, timestamp: "2026-03-02T10:15:00Z" },
      { ...base, timestamp: "2026-03-02T10:15:00" },
      { ...base, type: "hover" },
      { ...base, value: null },
      { ...base, button: 2.5 },
      { ...base, button: 5 },
      { ...base, modifiers: ["Ctrl"] },
      { ...base, target: { tag: "x".repeat(65) } },
      { ...base, target: { attributes: { a: 1 } } },
      { ...base, target: { unknown: "dropped" }, unknownTop: 1 },
      { ...base, screenshot: { byteLength: -1 } },
      { ...base, viewport: { width: 1 } },
    ];
    for (const input of cases) expectSameResult(input);
    expect(nativeEventParser.safeParse({ ...base, target: { unknown: "x" } }).data).toEqual({
      ...base,
      target: {},
    });
  });
});
