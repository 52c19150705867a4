import { findSuite } from "@/lib/catalog/find-suite";
import { type ConfidenceDistribution, confidenceDistribution } from "@/lib/pipeline/pipeline-metrics";
import { goldStage } from "@/lib/pipeline/stages/gold";
import type { Interaction } from "@/schemas/pipeline";
import { artifactKeys } from "./artifact-keys";
import { readJsonlArtifact, writeJsonlArtifact } from "./jsonl-artifacts";
import { type LlmUsage, type PipelineDeps, usageOf } from "./pipeline-deps";
import type { SilverResult } from "./silver-step";

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
 * The gold step: `artifacts/silver.jsonl` (and silver's step output) → gold stage → `artifacts/gold-windows.jsonl`
 * and `artifacts/gold-actions.jsonl`.
 */
export async function runGoldStep(
  sessionId: string,
  input: { suite: string; silver: Pick<SilverResult, "keyEvents"> },
  deps: PipelineDeps,
): Promise<GoldResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const suite = findSuite(deps.catalog, input.suite);
  if (!suite) throw new Error(`Unknown suite ${input.suite}`);
  const llm = deps.classificationLlm();
  const gold = await goldStage(
    { interactions: readJsonlArtifact<Interaction>(keys.silver), summary: () => input.silver },
    { suite, ...(llm ? { llm } : {}) },
  );
  const windows = await writeJsonlArtifact(keys.windows, gold.windows);
  const actions = await writeJsonlArtifact(keys.actions, gold.actions);
  return {
    windowsKey: windows.key,
    actionsKey: actions.key,
    windows: windows.count,
    actions: actions.count,
    confidence: confidenceDistribution(gold.actions),
    usage: usageOf(gold.llm),
    ms: Math.round(performance.now() - started),
  };
}
