import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecrets, isHighEntropyToken, isLuhnValid, mergeSpans } from "./detect-secrets";

const kindsIn = (text: string, highEntropy = true) =>
  findSecrets(text, { highEntropy }).map((s) => [s.kind, text.slice(s.start, s.end)]);

/** A Luhn-valid number of `length` digits starting with `prefix` (the check digit computed). */
function cardOf(prefix: string, body: number[], length: number): string {
  const digits = (prefix + body.join("")).slice(0, length - 1).padEnd(length - 1, "0");
  for (let check = 0; check <= 9; check++) if (isLuhnValid(digits + check)) return digits + check;
  throw new Error("unreachable");
}

describe("findSecrets", () => {
  it("finds Luhn-valid card numbers, grouped or not, and leaves other digit runs alone", () => {
    expect(kindsIn("card 4111 1111 1111 1111 exp 12/29")).toEqual([["card", "4111 1111 1111 1111"]]);
    expect(kindsIn("5500-0000-0000-0004")).toEqual([["card", "5500-0000-0000-0004"]]);
    expect(kindsIn("order 4111111111111112")).toEqual([]);
    expect(kindsIn("call 415 555 2671")).toEqual([]);
  });

  it("finds vendor tokens, JWTs and random-looking tokens, but not words or paths", () => {
    const stripe = `sk_live_${"a1B2c3D4e5F6g7H8i9J0"}`;
    const github = `ghp_${"A".repeat(10)}${"b1C2d3E4f5G6h7I8j9K0L1"}`;
    const slack = "xoxb-123456789012-abcdefghijkl";
    const aws = "AKIAIOSFODNN7EXAMPLE";
    const jwt =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    for (const secret of [stripe, github, slack, aws, jwt]) {
      expect(kindsIn(`token: ${secret} end`, false)).toEqual([["secret", secret]]);
    }
    expect(kindsIn("key 9fQ2xL7vR1mZ8kT4bN6wC3yH5jD0sA")).toEqual([
      ["secret", "9fQ2xL7vR1mZ8kT4bN6wC3yH5jD0sA"],
    ]);
    expect(kindsIn("internationalization-and-localization")).toEqual([]);
    expect(kindsIn("/repos/octo-org/hello-world/issues/123")).toEqual([]);
    expect(kindsIn("key 9fQ2xL7vR1mZ8kT4bN6wC3yH5jD0sA", false)).toEqual([]);
  });

  it("finds one-time codes next to the words that announce them", () => {
    expect(kindsIn("Your verification code is 482913.")).toEqual([["otp", "482913"]]);
    expect(kindsIn("Enter code: 482 913")).toEqual([["otp", "482 913"]]);
    expect(kindsIn("Meeting at 10:30 in room 4821")).toEqual([]);
  });

  it("finds every Luhn-valid 13–19 digit number, whatever the grouping (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("4", "51", "37", "6011"),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
        fc.integer({ min: 13, max: 19 }),
        fc.constantFrom("", " ", "-"),
        fc.string({ maxLength: 10 }).map((s) => s.replace(/[\d -]/g, "")),
        (prefix, body, length, separator, around) => {
          const card = cardOf(prefix, body, length);
          const grouped = card.match(/.{1,4}/g)?.join(separator) ?? card;
          const text = `${around} ${grouped} ${around}`;
          const spans = findSecrets(text, { highEntropy: false }).filter((s) => s.kind === "card");
          expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([grouped]);
        },
      ),
    );
  });

  it("rejects a number whose check digit is wrong (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }), (body) => {
        const card = cardOf("4", body, 16);
        const wrong = card.slice(0, -1) + ((Number(card.at(-1)) + 1) % 10);
        expect(findSecrets(wrong, { highEntropy: false }).some((s) => s.kind === "card")).toBe(false);
      }),
    );
  });

  it("random base64 tokens of 32+ characters are high-entropy; repeated text is not (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 64 }), (bytes) => {
        const token = Buffer.from(bytes).toString("base64url");
        fc.pre(/\d/.test(token) && /[A-Za-z]/.test(token));
        expect(isHighEntropyToken(token)).toBe(true);
      }),
    );
    expect(isHighEntropyToken("ab12ab12ab12ab12ab12ab12ab12")).toBe(false);
  });

  it("merges overlapping spans", () => {
    expect(
      mergeSpans([
        { start: 5, end: 10, kind: "secret" },
        { start: 0, end: 6, kind: "card" },
        { start: 12, end: 14, kind: "otp" },
      ]),
    ).toEqual([
      { start: 0, end: 10, kind: "card" },
      { start: 12, end: 14, kind: "otp" },
    ]);
  });
});
