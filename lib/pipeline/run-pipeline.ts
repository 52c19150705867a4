import type { Catalog } from "@/schemas/catalog";
import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction, PipelineMetrics, Window } from "@/schemas/pipeline";
import { buildGold, findSuite } from "./gold/build-gold";
import { classifyWithLlm } from "./gold/classify-with-llm";
import type { LlmClient, TokenUsage } from "./llm-client";
import { pipelineMetricsOf } from "./pipeline-metrics";
import { SilverBuilder } from "./silver/build-silver";
import { sortInteractions, streamInteractions } from "./silver/silver-stream";

export type RunPipelineInput = {
  events: AsyncIterable<CanonicalEvent> | Iterable<CanonicalEvent>;
  /** Catalog suite slug. */
  suite: string;
  catalog: Catalog;
  /** IANA zone of the recording; a `meta` event's zone is used when absent. */
  timezone?: string;
  llm?: LlmClient;
};

export type PipelineResult = {
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

/** Bronze events → silver interactions → gold windows and actions, with per-stage metrics. */
export async function runPipeline(input: RunPipelineInput): Promise<PipelineResult> {
  const suite = findSuite(input.catalog, input.suite);
  if (!suite) throw new UnknownSuiteError(input.suite);

  const silverStart = performance.now();
  const builder = new SilverBuilder();
  const collected: Interaction[] = [];
  for await (const interaction of streamInteractions(input.events, builder)) collected.push(interaction);
  const interactions = sortInteractions(collected);
  const silverMs = performance.now() - silverStart;

  const goldStart = performance.now();
  const { windows, actions, cancelledIds } = buildGold(interactions, suite, {
    keysRecorded: builder.keyEventCount > 0,
    // Stated when known; otherwise the recogniser infers it from the interactions (as the durable run does).
    ...(builder.eventCount > 0 && builder.traceEventCount === builder.eventCount ? { traceOnly: true } : {}),
  });
  const usage: TokenUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };
  if (input.llm)
    actions.push(
      ...(await classifyWithLlm({
        interactions,
        windows,
        actions,
        cancelledIds,
        suite,
        llm: input.llm,
        usage,
      })),
    );
  actions.sort((a, b) => a.ts - b.ts);
  const goldMs = performance.now() - goldStart;

  const timezone = input.timezone ?? builder.timezone;
  const metrics = pipelineMetricsOf({
    eventCount: builder.eventCount,
    counts: builder.counts,
    interactions,
    windows,
    actions,
    silverMs,
    goldMs,
    usage: input.llm ? { model: input.llm.model, ...usage } : undefined,
    timezone,
  });
  return { interactions, windows, actions, metrics, ...(timezone ? { timezone } : {}) };
}
