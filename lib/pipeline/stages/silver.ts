import { SilverBuilder, type SilverCounts } from "@/lib/pipeline/silver/build-silver";
import { type EventSource, mergeRatiosOf, streamInteractions } from "@/lib/pipeline/silver/silver-stream";
import type { Interaction, PipelineMetrics } from "@/schemas/pipeline";

export interface SilverSummary {
  /** Events read. */
  events: number;
  /** keydown events read: rrweb records none, and gold then commits typed searches when the person moves on. */
  keyEvents: number;
  counts: SilverCounts;
  mergeRatios: PipelineMetrics["mergeRatios"];
  /** The first `meta` event's IANA zone. */
  timezone?: string;
}

export interface SilverOutput {
  /** Interactions as each tab flushes them: not globally time-ordered (gold sorts them). Iterate once. */
  interactions: AsyncIterable<Interaction>;
  /** Complete once `interactions` has been drained. */
  summary(): SilverSummary;
}

/** Silver: time-ordered events merged into interactions (typing runs, chips, clicks, navigations). */
export function silverStage(events: EventSource): SilverOutput {
  const builder = new SilverBuilder();
  return {
    interactions: streamInteractions(events, builder),
    summary: () => ({
      events: builder.eventCount,
      keyEvents: builder.keyEventCount,
      counts: builder.counts,
      mergeRatios: mergeRatiosOf(builder.counts),
      ...(builder.timezone ? { timezone: builder.timezone } : {}),
    }),
  };
}
