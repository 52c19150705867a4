import { findSuite } from "@/lib/catalog/find-suite";
import type { Catalog } from "@/schemas/catalog";
import type { RedactionLevel } from "@/schemas/data-policy";
import type { GoldAction, Interaction, PipelineMetrics, Window } from "@/schemas/pipeline";
import type { LlmClient } from "./llm-client";
import { pipelineMetricsOf } from "./pipeline-metrics";
import type { EventSource } from "./silver/silver-stream";
import { type BronzeOutput, type BronzeSummary, bronzeStage, type RawSource } from "./stages/bronze";
import { sessionGoldStage } from "./stages/session-gold";
import { silverStage } from "./stages/silver";
import type { TimezoneSource } from "./timezone/resolve-timezone";

export type RunPipelineInput = (
  | { /** Raw recordings: bronze imports and merges them. */ sources: RawSource[] }
  | { /** Events already in time order (bronze's output, or a test's). */ events: EventSource }
) & {
  /** Catalog suite slug, or several for a session that spans suites (the first one's windows are the session's). */
  suite: string | readonly string[];
  catalog: Catalog;
  /** IANA zone the customer stated; else the recording's own (`meta` event), else one inferred from the pages. */
  timezone?: string;
  llm?: LlmClient;
  /** The account's redaction level for bronze (`standard` when not given). */
  redaction?: RedactionLevel;
};

export type PipelineResult = {
  /** Present when the input was `sources`. */
  bronze?: BronzeSummary;
  interactions: Interaction[];
  windows: Window[];
  actions: GoldAction[];
  metrics: PipelineMetrics;
  /** Absent when no zone is known: datetime-bearing actions are then `needsReview` with `timezone_unknown`. */
  timezone?: string;
  timezoneSource: TimezoneSource;
  /** Suites the windows belong to, and the notice when none is one the session was processed for. */
  suites: { detected: string[]; notice?: string };
};

export class UnknownSuiteError extends Error {
  constructor(readonly suite: string) {
    super(`Unknown suite "${suite}"`);
  }
}

function bronzeOf(input: RunPipelineInput): { events: EventSource; bronze?: BronzeOutput } {
  if (!("sources" in input)) return { events: input.events };
  const bronze = bronzeStage(input.sources, input.redaction ? { redaction: input.redaction } : {});
  return { events: bronze.events, bronze };
}

/**
 * The stages of lib/pipeline/stages chained in memory (CLI, tests, accuracy): bronze → silver → session gold
 * (gold per suite, then the session's zone). The durable run (lib/pipeline-runs) runs the same stages one step
 * each, with an artifact between them.
 */
export async function runPipeline(input: RunPipelineInput): Promise<PipelineResult> {
  const suites = (typeof input.suite === "string" ? [input.suite] : input.suite).map((slug) => {
    const suite = findSuite(input.catalog, slug);
    if (!suite) throw new UnknownSuiteError(slug);
    return suite;
  });
  const { events, bronze } = bronzeOf(input);

  const silverStart = performance.now();
  const silver = silverStage(events);
  const silverLayer: Interaction[] = [];
  for await (const interaction of silver.interactions) silverLayer.push(interaction);
  const silverSummary = silver.summary();
  const silverMs = performance.now() - silverStart;
  const bronzeSummary = await bronze?.summary();

  const goldStart = performance.now();
  const gold = await sessionGoldStage(
    { interactions: silverLayer, summary: () => silverSummary },
    {
      suites,
      catalogSuites: input.catalog.suites,
      timezone: {
        ...(input.timezone ? { stated: input.timezone } : {}),
        ...(silverSummary.timezone ? { recording: silverSummary.timezone } : {}),
        ...(bronzeSummary ? { evidence: bronzeSummary.zoneEvidence } : {}),
      },
      ...(input.llm ? { llm: input.llm } : {}),
    },
  );
  const goldMs = performance.now() - goldStart;

  const timezone = gold.timezone.timezone;
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
    timezoneSource: gold.timezone.source,
    suites: gold.suites,
  };
}
