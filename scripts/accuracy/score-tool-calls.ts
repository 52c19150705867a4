/**
 * Scores produced MCP tool calls against a scenario's expected calls: true/false positives by tool (in order, each
 * expected call consumed once), and exact-argument agreement for the matched pairs. Pure: the corpus runner feeds it.
 */

export type ToolCallLike = {
  tool: string;
  arguments: Record<string, unknown>;
  /** A review item (needs a person) rather than an emitted call: counts for the tool, not for exact arguments. */
  review?: boolean;
};

export type CallMismatch = {
  tool: string;
  expected: Record<string, unknown>;
  actual: Record<string, unknown>;
  /** Argument names whose values differ (missing, extra or different). */
  differing: string[];
};

export type ScenarioScore = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Matched emitted pairs whose arguments were compared (0 when the format carries no argument values). */
  argumentPairs: number;
  exactArguments: number;
  /** Matched calls that are review items rather than emitted calls. */
  reviewMatched: number;
  /**
   * Argument names a matched call carries that the expected call does not have: values the recording never
   * showed (compared for every format, review items included).
   */
  inventedArguments: number;
  missing: ToolCallLike[];
  extra: ToolCallLike[];
  mismatches: CallMismatch[];
};

/**
 * Empty optional values (`""`, `[]`, `null`) mean "not given" for a tool; line endings and surrounding white space
 * are not part of what a person typed.
 */
function normaliseValue(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n").trim();
  if (Array.isArray(value)) {
    // Recipients, guests and labels are sets: their order in the form is not meaningful to the tool.
    return value.map(normaliseValue).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value && typeof value === "object") return normaliseArguments(value as Record<string, unknown>);
  return value;
}

export function normaliseArguments(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(args).sort()) {
    const value = normaliseValue(args[key]);
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

export function differingArguments(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
): string[] {
  const a = normaliseArguments(expected);
  const b = normaliseArguments(actual);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** Argument names present (non-empty) in `actual` but absent from `expected`. */
export function inventedArguments(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
): string[] {
  const want = normaliseArguments(expected);
  return Object.keys(normaliseArguments(actual)).filter((key) => !(key in want));
}

export function scoreToolCalls(
  expected: ToolCallLike[],
  actual: ToolCallLike[],
  options: { compareArguments: boolean },
): ScenarioScore {
  const used = new Set<number>();
  const score: ScenarioScore = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    argumentPairs: 0,
    exactArguments: 0,
    reviewMatched: 0,
    inventedArguments: 0,
    missing: [],
    extra: [],
    mismatches: [],
  };
  for (const want of expected) {
    const candidates = actual
      .map((call, index) => ({ call, index }))
      .filter(({ call, index }) => !used.has(index) && call.tool === want.tool);
    // Prefer an exact match so a correct call is not paired with a wrong duplicate of the same tool.
    const exact = options.compareArguments
      ? candidates.find(
          ({ call }) => !call.review && differingArguments(want.arguments, call.arguments).length === 0,
        )
      : undefined;
    const chosen = exact ?? candidates.find(({ call }) => !call.review) ?? candidates[0];
    if (!chosen) {
      score.falseNegatives++;
      score.missing.push(want);
      continue;
    }
    used.add(chosen.index);
    score.truePositives++;
    score.inventedArguments += inventedArguments(want.arguments, chosen.call.arguments).length;
    if (chosen.call.review) {
      score.reviewMatched++;
      continue;
    }
    if (!options.compareArguments) continue;
    score.argumentPairs++;
    const differing = differingArguments(want.arguments, chosen.call.arguments);
    if (differing.length === 0) score.exactArguments++;
    else
      score.mismatches.push({
        tool: want.tool,
        expected: want.arguments,
        actual: chosen.call.arguments,
        differing,
      });
  }
  actual.forEach((call, index) => {
    if (used.has(index)) return;
    score.falsePositives++;
    score.extra.push(call);
  });
  return score;
}

export type Totals = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  argumentPairs: number;
  exactArguments: number;
  reviewMatched: number;
  inventedArguments: number;
};

export type Rates = { precision: number; recall: number; f1: number; exactArguments: number };

export function emptyTotals(): Totals {
  return {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    argumentPairs: 0,
    exactArguments: 0,
    reviewMatched: 0,
    inventedArguments: 0,
  };
}

export function addTotals(into: Totals, score: Totals): void {
  into.truePositives += score.truePositives;
  into.falsePositives += score.falsePositives;
  into.falseNegatives += score.falseNegatives;
  into.argumentPairs += score.argumentPairs;
  into.exactArguments += score.exactArguments;
  into.reviewMatched += score.reviewMatched;
  into.inventedArguments += score.inventedArguments;
}

/** Precision/recall/F1 over tool calls; exact arguments over matched pairs whose arguments are known. */
export function ratesOf(t: Totals): Rates {
  const precision =
    t.truePositives + t.falsePositives === 0 ? 1 : t.truePositives / (t.truePositives + t.falsePositives);
  const recall =
    t.truePositives + t.falseNegatives === 0 ? 1 : t.truePositives / (t.truePositives + t.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const exactArguments = t.argumentPairs === 0 ? 1 : t.exactArguments / t.argumentPairs;
  return { precision, recall, f1, exactArguments };
}
