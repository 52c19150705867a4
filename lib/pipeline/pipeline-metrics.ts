import type { GoldAction, Interaction, PipelineMetrics, Window } from "@/schemas/pipeline";
import type { TokenUsage } from "./llm-client";
import type { SilverCounts } from "./silver/build-silver";
import { mergeRatiosOf } from "./silver/silver-stream";

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Windows and interactions per detected suite, most interactions first ("This recording looks like Gmail"). */
export function detectedSuitesOf(windows: Window[]): NonNullable<PipelineMetrics["detectedSuites"]> {
  const bySuite = new Map<string, { suite: string; windows: number; interactions: number }>();
  for (const window of windows) {
    const suite = window.suite ?? "unknown";
    const entry = bySuite.get(suite) ?? { suite, windows: 0, interactions: 0 };
    entry.windows++;
    entry.interactions += window.interactionIds.length;
    bySuite.set(suite, entry);
  }
  return [...bySuite.values()].sort(
    (a, b) => b.interactions - a.interactions || a.suite.localeCompare(b.suite),
  );
}

export type ConfidenceDistribution = PipelineMetrics["confidence"];

/** Min, mean, max, how many need review, and counts per 0.1-wide bucket, [0,0.1) … [0.9,1]. */
export function confidenceDistribution(actions: readonly GoldAction[]): ConfidenceDistribution {
  const confidences = actions.map((action) => action.confidence);
  const histogram = Array.from({ length: 10 }, () => 0);
  for (const c of confidences) {
    const bucket = Math.min(9, Math.floor(c * 10));
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null;
  return {
    min: confidences.length ? Math.min(...confidences) : null,
    mean: mean === null ? null : round(mean),
    max: confidences.length ? Math.max(...confidences) : null,
    needsReview: actions.filter((action) => action.needsReview).length,
    histogram,
  };
}

export function pipelineMetricsOf(input: {
  eventCount: number;
  counts: SilverCounts;
  interactions: Interaction[];
  windows: Window[];
  actions: GoldAction[];
  silverMs: number;
  goldMs: number;
  usage?: TokenUsage & { model?: string };
  timezone?: string;
}): PipelineMetrics {
  return {
    events: input.eventCount,
    interactions: input.interactions.length,
    windows: input.windows.length,
    actions: input.actions.length,
    mergeRatios: mergeRatiosOf(input.counts),
    confidence: confidenceDistribution(input.actions),
    stages: {
      silver: {
        inputCount: input.eventCount,
        outputCount: input.interactions.length,
        ms: round(input.silverMs),
      },
      gold: {
        inputCount: input.interactions.length,
        outputCount: input.actions.length,
        ms: round(input.goldMs),
      },
    },
    ...(input.usage ? { llm: input.usage } : {}),
    ...(input.timezone ? { timezone: input.timezone } : {}),
    detectedSuites: detectedSuitesOf(input.windows),
  };
}
