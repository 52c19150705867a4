import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmountCents } from "@/test/fakes/stripe-billing";
import { amountCentsOf, listPriceLines } from "./prices";

const lines = listPriceLines({ freeStorageGbMonths: 1 });

describe("the price list", () => {
  it("converts USD per display unit to Stripe's cents per recorded unit exactly", () => {
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.tiers]));
    expect(byKey.tracepipe_input_tokens_gpt_4o).toEqual([{ upTo: null, centsPerUnit: "0.000375" }]);
    expect(byKey.tracepipe_output_tokens_claude_sonnet_4_5).toEqual([
      { upTo: null, centsPerUnit: "0.00225" },
    ]);
    expect(byKey.tracepipe_storage_byte_hours).toEqual([
      { upTo: 730_000_000_000, centsPerUnit: "0" },
      { upTo: null, centsPerUnit: "0.00000000002" },
    ]);
    expect(listPriceLines({ freeStorageGbMonths: 0 }).at(-1)?.tiers).toEqual([
      { upTo: null, centsPerUnit: "0.00000000002" },
    ]);
  });

  it("prices a line as Stripe does: tiers summed exactly, half-up to the cent once", () => {
    const gpt = lines.find((l) => l.key === "tracepipe_input_tokens_gpt_4o");
    const storage = lines.find((l) => l.key === "tracepipe_storage_byte_hours");
    if (!gpt || !storage) throw new Error("missing line");
    expect(amountCentsOf(gpt, 4000)).toBe(2); // 1.5¢ → 2¢
    expect(amountCentsOf(gpt, 3999)).toBe(1); // 1.499625¢ → 1¢
    expect(amountCentsOf(storage, 730_000_000_000)).toBe(0);
    expect(amountCentsOf(storage, 730_000_000_000 + 50_000_000_000)).toBe(1); // 1¢ beyond the allowance
  });

  it("agrees with the fake Stripe's independent BigInt arithmetic on every line and quantity", () => {
    fc.assert(
      fc.property(fc.constantFrom(...lines), fc.integer({ min: 0, max: 2 ** 48 }), (line, quantity) => {
        const price = {
          id: "price_x",
          unit_amount_decimal: line.tiers.length === 1 ? line.tiers[0]?.centsPerUnit : null,
          tiers:
            line.tiers.length > 1
              ? line.tiers.map((t) => ({ up_to: t.upTo, unit_amount_decimal: t.centsPerUnit }))
              : null,
        };
        expect(amountCentsOf(line, quantity)).toBe(lineAmountCents(price, quantity));
      }),
      { numRuns: 500 },
    );
  });
});
