import fc from "fast-check";

/** Damages a text the way real requests get damaged: truncation, lost ranges, injected garbage, flipped chars. */
export const textMutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 20, unit: "binary" }),
  }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    char: fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      '"',
      ",",
      ":",
      "\\",
      "\n",
      "\r",
      "\u0000",
      "-",
      "x",
      "0",
      "\u00ff",
    ),
  }),
);

export type TextMutation = { kind: string; at: number; length?: number; text?: string; char?: string };

export function mutateText(text: string, steps: TextMutation[]): string {
  let out = text;
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length;
    if (step.kind === "truncate") out = out.slice(0, at);
    else if (step.kind === "delete") out = out.slice(0, at) + out.slice(at + (step.length ?? 1));
    else if (step.kind === "insert") out = out.slice(0, at) + (step.text ?? "") + out.slice(at);
    else out = out.slice(0, at) + (step.char ?? "") + out.slice(at + 1);
  }
  return out;
}
