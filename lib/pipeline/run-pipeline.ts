import type { Catalog } from "@/schemas/catalog";
import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction, PipelineMetrics, Window } from "@/schemas/pipeline";
import { buildGold, findSuite } from "./gold/build-gold";
import { classifyWithLlm } from "./gold/classify-with-llm";
import { keepActionsOfSuite } from "./gold/window-suites";
import type { LlmClient, TokenUsage } from "./llm-client";
import { pipelineMetricsOf } from "./pipeline-metrics";
import { SilverBuilder } from "./silver/build-silver";
import { sortInteractions, streamInteractions } from "./silver/silver-stream";
import { applySessionTimezone } from "./timezone/apply-session-timezone";
import type { TimezoneSource } from "./timezone/resolve-timezone";
import type { ZoneEvidence } from "./timezone/zone-evidence";

export type RunPipelineInput = {
  events: AsyncIterable<CanonicalEvent> | Iterable<CanonicalEvent>;
  /** Catalog suite slug. */
  suite: string;
  catalog: Catalog;
  /** IANA zone the customer stated; else a `meta` event's zone, else one inferred from the pages. */
  timezone?: string;
  /** Zone evidence bronze collected (read once the events are consumed), e.g. `() => bronze.summary.zoneEvidence`. */
  zoneEvidence?: () => ZoneEvidence[] | undefined;
  llm?: LlmClient;
};

export type PipelineResult = {
  interactions: Interaction[];
  windows: Window[];
  actions: GoldAction[];
  metrics: PipelineMetrics;
  /** Absent when no zone is known: datetime-bearing actions are then `needsReview` with `timezone_unknown`. */
  timezone?: string;
  timezoneSource: TimezoneSource;
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
  const zoned = applySessionTimezone({
    stated: input.timezone,
    recording: builder.timezone,
    evidence: input.zoneEvidence?.(),
    interactions,
    actions: keepActionsOfSuite(actions, windows, suite.slug, input.catalog.suites),
    suite,
  });
  const goldMs = performance.now() - goldStart;

  const timezone = zoned.timezone.timezone;
  const metrics = pipelineMetricsOf({
    eventCount: builder.eventCount,
    counts: builder.counts,
    interactions,
    windows,
    actions: zoned.actions,
    silverMs,
    goldMs,
    usage: input.llm ? { model: input.llm.model, ...usage } : undefined,
    timezone,
  });
  return {
    interactions,
    windows,
    actions: zoned.actions,
    metrics,
    timezoneSource: zoned.timezone.source,
    ...(timezone ? { timezone } : {}),
  };
}
