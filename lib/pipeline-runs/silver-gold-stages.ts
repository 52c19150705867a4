import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { checkSessionSuites, keepActionsOfSuite } from "@/lib/pipeline/gold/window-suites";
import type { SessionTimezoneInput } from "@/lib/pipeline/timezone/apply-session-timezone";
import type { TimezoneResolution } from "@/lib/pipeline/timezone/resolve-timezone";
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
  /** The session's zone as resolved (stated → recording → inferred → unknown). */
  timezone: TimezoneResolution;
  /** Suites the windows belong to, most time first. */
  detectedSuites: string[];
  /** "This recording looks like Gmail, not GitHub" when no window is of the processed suites. */
  suiteNotice?: string;
  ms: number;
}

/** One suite's actions in a multi-suite session: tagged, with ids kept unique across suites. */
const tagActions = (actions: GoldAction[], suite: string, isMulti: boolean): GoldAction[] =>
  isMulti ? actions.map((a) => ({ ...a, id: `${suite}:${a.id}`, suite })) : actions;

/**
 * Gold: windows and catalog actions from the silver artifact, for each suite the session is processed for.
 * Interactions of a session fit in memory (they are one to two orders of magnitude fewer than events) and
 * classification needs them in order across tabs.
 */
export async function runGoldStage(
  sessionId: string,
  input: { suites: string[]; timezone?: SessionTimezoneInput },
  stages: PipelineStages,
): Promise<GoldResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const interactions = await collectJsonlArtifact<Interaction>(keys.silver);
  // Tabs flush independently, so the stream is not globally ordered; ties keep the builder's id order.
  interactions.sort((a, b) => a.ts - b.ts || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  const isMulti = input.suites.length > 1;
  const runs = [];
  const catalogSuites = getBundledCatalog().suites;
  for (const suite of input.suites) {
    const gold = await stages.gold({ interactions, suite, timezone: input.timezone });
    const own = keepActionsOfSuite(gold.actions, gold.windows, suite, catalogSuites);
    runs.push({ ...gold, actions: tagActions(own, suite, isMulti) });
  }
  const [primary] = runs;
  if (!primary) throw new Error(`Session ${sessionId} has no suite to process`);
  const allActions = runs.flatMap((run) => run.actions).sort((a, b) => a.ts - b.ts);
  const check = checkSessionSuites(primary.windows, input.suites, catalogSuites);
  const windows = await writeJsonlArtifact(keys.windows, primary.windows);
  const actions = await writeJsonlArtifact(keys.actions, allActions);
  return {
    windowsKey: windows.key,
    actionsKey: actions.key,
    windows: windows.count,
    actions: actions.count,
    confidence: confidenceDistribution(allActions),
    usage: runs.flatMap((run) => run.usage ?? []),
    timezone: primary.timezone ?? { source: "unknown" },
    detectedSuites: check.detected,
    ...(check.notice ? { suiteNotice: check.notice } : {}),
    ms: Math.round(performance.now() - started),
  };
}
