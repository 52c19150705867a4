import { silverStage } from "@/lib/pipeline/stages/silver";
import type { CanonicalEvent } from "@/schemas/events";
import type { PipelineMetrics } from "@/schemas/pipeline";
import { artifactKeys } from "./artifact-keys";
import { readJsonlArtifact, writeJsonlArtifact } from "./jsonl-artifacts";

export interface SilverResult {
  key: string;
  interactions: number;
  mergeRatios: PipelineMetrics["mergeRatios"];
  /** What gold needs of silver's summary (the step output is all that reaches the next step). */
  keyEvents: number;
  timezone?: string;
  ms: number;
}

/** The silver step: `artifacts/bronze.jsonl` → silver stage → `artifacts/silver.jsonl`. */
export async function runSilverStep(sessionId: string): Promise<SilverResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const silver = silverStage(readJsonlArtifact<CanonicalEvent>(keys.bronze));
  const written = await writeJsonlArtifact(keys.silver, silver.interactions);
  const summary = silver.summary();
  return {
    key: written.key,
    interactions: written.count,
    mergeRatios: summary.mergeRatios,
    keyEvents: summary.keyEvents,
    ...(summary.timezone ? { timezone: summary.timezone } : {}),
    ms: Math.round(performance.now() - started),
  };
}
