import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction } from "@/schemas/pipeline";
import { artifactKeys } from "./artifact-keys";
import { collectJsonlArtifact, readJsonlArtifact, writeJsonlArtifact } from "./jsonl-artifacts";
import type { LlmUsage, PipelineStages } from "./pipeline-stages";

export interface SilverResult {
  key: string;
  interactions: number;
  mergeRatios: Record<string, unknown>;
  ms: number;
}

/** Silver: interactions streamed out of the bronze artifact into `artifacts/silver.jsonl`. */
export async function runSilverStage(sessionId: string, stages: PipelineStages): Promise<SilverResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const silver = stages.silver(readJsonlArtifact<CanonicalEvent>(keys.bronze));
  const written = await writeJsonlArtifact(keys.silver, silver.interactions);
  return {
    key: written.key,
    interactions: written.count,
    mergeRatios: silver.finish().mergeRatios,
    ms: Math.round(performance.now() - started),
  };
}

export interface ConfidenceDistribution {
  min: number | null;
  mean: number | null;
  max: number | null;
  needsReview: number;
  /** Counts per 0.1-wide bucket, [0,0.1) … [0.9,1]. */
  histogram: number[];
}

export function confidenceDistribution(actions: GoldAction[]): ConfidenceDistribution {
  const histogram = Array.from({ length: 10 }, () => 0);
  let sum = 0;
  for (const action of actions) {
    const bucket = Math.min(9, Math.floor(action.confidence * 10));
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    sum += action.confidence;
  }
  const values = actions.map((a) => a.confidence);
  return {
    min: values.length ? Math.min(...values) : null,
    mean: values.length ? Math.round((sum / values.length) * 1000) / 1000 : null,
    max: values.length ? Math.max(...values) : null,
    needsReview: actions.filter((a) => a.needsReview).length,
    histogram,
  };
}

export interface GoldResult {
  windowsKey: string;
  actionsKey: string;
  windows: number;
  actions: number;
  confidence: ConfidenceDistribution;
  usage: LlmUsage[];
  ms: number;
}

/**
 * Gold: windows and catalog actions from the silver artifact. Interactions of a session fit in memory (they are
 * one to two orders of magnitude fewer than events) and classification needs them in order across tabs.
 */
export async function runGoldStage(
  sessionId: string,
  input: { suite: string },
  stages: PipelineStages,
): Promise<GoldResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const interactions = await collectJsonlArtifact<Interaction>(keys.silver);
  // Tabs flush independently, so the stream is not globally ordered; ties keep the builder's id order.
  interactions.sort((a, b) => a.ts - b.ts || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  const gold = await stages.gold({ interactions, suite: input.suite });
  const windows = await writeJsonlArtifact(keys.windows, gold.windows);
  const actions = await writeJsonlArtifact(keys.actions, gold.actions);
  return {
    windowsKey: windows.key,
    actionsKey: actions.key,
    windows: windows.count,
    actions: actions.count,
    confidence: confidenceDistribution(gold.actions),
    usage: gold.usage ?? [],
    ms: Math.round(performance.now() - started),
  };
}
