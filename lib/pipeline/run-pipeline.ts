import { findSuite } from "@/lib/catalog/find-suite";
import type { Catalog } from "@/schemas/catalog";
import type { GoldAction, Interaction, PipelineMetrics, Window } from "@/schemas/pipeline";
import type { LlmClient } from "./llm-client";
import { pipelineMetricsOf } from "./pipeline-metrics";
import type { EventSource } from "./silver/silver-stream";
import { type BronzeOutput, type BronzeSummary, bronzeStage, type RawSource } from "./stages/bronze";
import { goldStage } from "./stages/gold";
import { sessionTimezone } from "./stages/session-timezone";
import { silverStage } from "./stages/silver";

export type RunPipelineInput = (
  | { /** Raw recordings: bronze imports and merges them. */ sources: RawSource[] }
  | { /** Events already in time order (bronze's output, or a test's). */ events: EventSource }
) & {
  /** Catalog suite slug. */
  suite: string;
  catalog: Catalog;
  /** IANA zone of the recording; the recording's own (`meta` event, else timestamp offset) when absent. */
  timezone?: string;
  llm?: LlmClient;
};

export type PipelineResult = {
  /** Present when the input was `sources`. */
  bronze?: BronzeSummary;
  interactions: Interaction[];
  windows: Window[];
  actions: GoldAction[];
  metrics: PipelineMetrics;
  timezone?: string;
};

export class UnknownSuiteError extends Error {
  constructor(readonly suite: string) {
    super(`Unknown suite "${suite}"`);
  }
}

function bronzeOf(input: RunPipelineInput): { events: EventSource; bronze?: BronzeOutput } {
  if (!("sources" in input)) return { events: input.events };
  const bronze = bronzeStage(input.sources);
  return { events: bronze.events, bronze };
}

/**
 * The stages of lib/pipeline/stages chained in memory (CLI, tests, accuracy): bronze → silver → gold. The durable
 * run (lib/pipeline-runs) runs the same stages one step each, with an artifact between them.
 */
export async function runPipeline(input: RunPipelineInput): Promise<PipelineResult> {
  const suite = findSuite(input.catalog, input.suite);
  if (!suite) throw new UnknownSuiteError(input.suite);
  const { events, bronze } = bronzeOf(input);

  const silverStart = performance.now();
  const silver = silverStage(events);
  const silverLayer: Interaction[] = [];
  for await (const interaction of silver.interactions) silverLayer.push(interaction);
  const silverSummary = silver.summary();
  const silverMs = performance.now() - silverStart;
  const bronzeSummary = await bronze?.summary();

  const goldStart = performance.now();
  const gold = await goldStage(
    { interactions: silverLayer, summary: () => silverSummary },
    { suite, ...(input.llm ? { llm: input.llm } : {}) },
  );
  const goldMs = performance.now() - goldStart;

  const timezone = sessionTimezone(input.timezone, silverSummary, bronzeSummary);
  const metrics = pipelineMetricsOf({
    eventCount: silverSummary.events,
    counts: silverSummary.counts,
    interactions: gold.interactions,
    windows: gold.windows,
    actions: gold.actions,
    silverMs,
    goldMs,
    usage: gold.llm,
    timezone,
  });
  return {
    ...(bronzeSummary ? { bronze: bronzeSummary } : {}),
    interactions: gold.interactions,
    windows: gold.windows,
    actions: gold.actions,
    metrics,
    ...(timezone ? { timezone } : {}),
  };
}
