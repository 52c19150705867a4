import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JsonArrayItem, scanJsonArray } from "./json-array-items";

async function* chunks(text: string, sizes: number[]): AsyncGenerator<string> {
  let offset = 0;
  let i = 0;
  while (offset < text.length) {
    const size = sizes.length === 0 ? text.length : Math.max(1, sizes[i++ % sizes.length] ?? 1);
    yield text.slice(offset, offset + size);
    offset += size;
  }
}

async function scan(text: string, sizes: number[], arrayKeys?: string[]) {
  const issues: string[] = [];
  const items: JsonArrayItem[] = [];
  for await (const item of scanJsonArray(chunks(text, sizes), {
    arrayKeys,
    onIssue: (i) => issues.push(i.code),
  })) {
    if ("index" in item) items.push(item);
  }
  return { items, issues };
}

/** Pretty-printing with random indentation puts whitespace in every legal place. */
const jsonText = (value: unknown, indent: number) => JSON.stringify(value, null, indent);

describe("scanJsonArray", () => {
  it("yields exactly the items JSON.parse sees, for any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 5 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        async (values, sizes, indent) => {
          const { items, issues } = await scan(jsonText(values, indent), sizes);
          expect(issues).toEqual([]);
          expect(items.map((item) => JSON.parse(item.text))).toEqual(JSON.parse(JSON.stringify(values)));
          expect(items.map((item) => item.path)).toEqual(values.map((_, i) => `$[${i}]`));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds the array under a key of a root object and skips the other members", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
        async (others, events, sizes) => {
          const { traceEvents: _, ...rest } = others;
          const doc = {
            ...rest,
            traceEvents: events,
            ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [`${k}_after`, v])),
          };
          const { items, issues } = await scan(JSON.stringify(doc), sizes, ["traceEvents"]);
          expect(issues).toEqual([]);
          expect(items.map((item) => JSON.parse(item.text))).toEqual(JSON.parse(JSON.stringify(events)));
          expect(items.every((item, i) => item.path === `$.traceEvents[${i}]`)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("handles escapes split across chunks", async () => {
    const values = ['a\\"b', "\\", '"', "x\\\\", { k: 'v"\\' }];
    for (let size = 1; size < 6; size++) {
      const { items } = await scan(JSON.stringify(values), [size]);
      expect(items.map((item) => JSON.parse(item.text))).toEqual(values);
    }
  });

  it("reports structural damage with the item's path", async () => {
    expect((await scan('[{"a":1},{"b":2]', [4])).issues).toEqual(["malformed_json"]);
    const truncated = await scan('[{"a":1},{"b":', [3]);
    expect(truncated.items).toHaveLength(1);
    expect(truncated.issues).toEqual(["truncated_json"]);
    expect((await scan("", [])).issues).toEqual(["empty_document"]);
    expect((await scan("42", [])).issues).toEqual(["malformed_json"]);
  });
});
