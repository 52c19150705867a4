import { isPaidWorkAllowed } from "@/lib/billing/assert-paid-work-allowed";
import { findSuite } from "@/lib/catalog/find-suite";
import { type ConfidenceDistribution, confidenceDistribution } from "@/lib/pipeline/pipeline-metrics";
import { sessionGoldStage } from "@/lib/pipeline/stages/session-gold";
import type { SessionTimezoneInput } from "@/lib/pipeline/stages/session-timezone";
import type { TimezoneResolution } from "@/lib/pipeline/timezone/resolve-timezone";
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
  /** The session's zone as resolved (stated → recording → inferred → unknown). */
  timezone: TimezoneResolution;
  /** Suites the windows belong to, most time first. */
  detectedSuites: string[];
  /** "This recording looks like Gmail, not GitHub" when no window is of the processed suites. */
  suiteNotice?: string;
  ms: number;
}

/**
 * The gold step: `artifacts/silver.jsonl` (and silver's step output) → session gold stage (every suite of the
 * session, then its zone) → `artifacts/gold-windows.jsonl` and `artifacts/gold-actions.jsonl`.
 */
export async function runGoldStep(
  sessionId: string,
  input: {
    suites: readonly string[];
    /** The session's billing account (its workspace): LLM classification is paid work, used only when allowed. */
    accountId: string;
    silver: Pick<SilverResult, "keyEvents" | "timezone">;
    /** The stated zone and bronze's evidence; the recording's own zone comes with silver. */
    timezone: Omit<SessionTimezoneInput, "recording">;
  },
  deps: PipelineDeps,
): Promise<GoldResult> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const suites = input.suites.map((slug) => {
    const suite = findSuite(deps.catalog, slug);
    if (!suite) throw new Error(`Unknown suite ${slug}`);
    return suite;
  });
  const gateway = deps.classificationLlm();
  // Without a card (or while past due) the rules classify alone: the account never pays for what it cannot.
  const llm =
    gateway && (await isPaidWorkAllowed({ accountId: input.accountId, modelSlug: gateway.model }))
      ? gateway
      : undefined;
  const gold = await sessionGoldStage(
    { interactions: readJsonlArtifact<Interaction>(keys.silver), summary: () => input.silver },
    {
      suites,
      catalogSuites: deps.catalog.suites,
      timezone: {
        ...input.timezone,
        ...(input.silver.timezone ? { recording: input.silver.timezone } : {}),
      },
      ...(llm ? { llm } : {}),
    },
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
    timezone: gold.timezone,
    detectedSuites: gold.suites.detected,
    ...(gold.suites.notice ? { suiteNotice: gold.suites.notice } : {}),
    ms: Math.round(performance.now() - started),
  };
}
