import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSet } from "./id-set";

describe("IdSet", () => {
  it("answers like a Set<string> across growth", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat(5000).map(String)), { maxLength: 3000 }),
        (ids) => {
          const reference = new Set<string>();
          const set = new IdSet();
          for (const id of ids) {
            expect(set.add(id)).toBe(!reference.has(id));
            reference.add(id);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
