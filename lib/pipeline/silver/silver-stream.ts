import type { CanonicalEvent } from "@/schemas/events";
import type { Interaction, PipelineMetrics } from "@/schemas/pipeline";
import { SilverBuilder, type SilverCounts } from "./build-silver";

export type EventSource = AsyncIterable<CanonicalEvent> | Iterable<CanonicalEvent>;

/** Streams interactions out of a time-ordered canonical event stream; `builder` exposes counts afterwards. */
export async function* streamInteractions(
  events: EventSource,
  builder: SilverBuilder = new SilverBuilder(),
): AsyncGenerator<Interaction> {
  for await (const event of events) {
    const done = builder.push(event);
    for (const interaction of done) yield interaction;
  }
  for (const interaction of builder.flush()) yield interaction;
}

/** Interactions from an in-memory event array, sorted by start time (tabs flush independently). */
export function buildInteractions(
  events: Iterable<CanonicalEvent>,
  builder = new SilverBuilder(),
): Interaction[] {
  const out: Interaction[] = [];
  for (const event of events) out.push(...builder.push(event));
  out.push(...builder.flush());
  return sortInteractions(out);
}

export function sortInteractions(interactions: Interaction[]): Interaction[] {
  return interactions.sort((a, b) => a.ts - b.ts || idNumber(a.id) - idNumber(b.id));
}

const idNumber = (id: string) => Number(id.slice(1)) || 0;

/** Raw events per interaction, per kind; kinds with events but no interactions (focus, stray keyups) show ratio 0. */
export function mergeRatiosOf(counts: SilverCounts): PipelineMetrics["mergeRatios"] {
  const ratios: PipelineMetrics["mergeRatios"] = {};
  for (const [kind, { events, interactions }] of Object.entries(counts)) {
    ratios[kind] = {
      events,
      interactions,
      ratio: interactions === 0 ? 0 : Math.round((events / interactions) * 100) / 100,
    };
  }
  return ratios;
}
