import { resolveActionToolMap } from "@/lib/pipeline/examples/generate-examples";
import { buildReviewProposals, type ReviewProposal } from "@/lib/pipeline/review/review-proposals";
import { sortInteractions } from "@/lib/pipeline/silver/silver-stream";
import type { Catalog, CatalogActionToolMap } from "@/schemas/catalog";
import type { GoldAction, Interaction } from "@/schemas/pipeline";

/** What review reads of gold: its actions, and silver's interactions for the page context around each one. */
export interface ReviewInput {
  actions: GoldAction[];
  /** Only read when an action needs review (most sessions have none), so it is a thunk. */
  interactions(): Promise<Iterable<Interaction> | AsyncIterable<Interaction>>;
}

export interface ReviewOptions {
  catalog: Catalog;
  suite: string;
  /** The session's zone (sessionTimezone): local date-times are proposed in it. */
  timezone?: string;
}

export interface ReviewOutput {
  /** The action-tool map the calls are proposed for. */
  map: CatalogActionToolMap;
  /** One per needs-review action the map has a tool for, in time order. */
  proposals: ReviewProposal[];
}

/**
 * Review: every needs-review gold action as a proposed call of the suite's action-tool map, with the evidence a
 * person needs to complete it. Proposals are made for the suite's only map; a suite with several would need the
 * reviewer to choose.
 */
export async function reviewStage(gold: ReviewInput, options: ReviewOptions): Promise<ReviewOutput> {
  const { map, server } = resolveActionToolMap(options.catalog, options.suite);
  const collected: Interaction[] = [];
  if (gold.actions.some((a) => a.needsReview)) {
    for await (const interaction of await gold.interactions()) collected.push(interaction);
  }
  const proposals = buildReviewProposals({
    actions: gold.actions,
    interactions: sortInteractions(collected),
    map,
    server,
    ...(options.timezone ? { timezone: options.timezone } : {}),
  });
  return { map, proposals };
}
