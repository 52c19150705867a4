import { buildGold } from "@/lib/pipeline/gold/build-gold";
import { classifyWithLlm } from "@/lib/pipeline/gold/classify-with-llm";
import type { LlmClient, TokenUsage } from "@/lib/pipeline/llm-client";
import { sortInteractions } from "@/lib/pipeline/silver/silver-stream";
import type { CatalogSuite } from "@/schemas/catalog";
import type { GoldAction, Interaction, Window } from "@/schemas/pipeline";
import type { SilverSummary } from "./silver";

/** What gold reads of silver: its interactions, and once they are drained, its summary. */
export interface SilverLayer {
  interactions: AsyncIterable<Interaction> | Iterable<Interaction>;
  summary(): Pick<SilverSummary, "keyEvents">;
}

export interface GoldOptions {
  suite: CatalogSuite;
  /** Classifies the interactions the rules leave over; none: rules only. */
  llm?: LlmClient;
}

export type GoldLlmUsage = TokenUsage & { model: string };

export interface GoldOutput {
  /** Silver's interactions in time order (ties in the builder's id order), as gold read them. */
  interactions: Interaction[];
  windows: Window[];
  /** In time order. */
  actions: GoldAction[];
  /** Present when an LLM was given. */
  llm?: GoldLlmUsage;
}

/**
 * Gold: windows and catalog actions from silver's interactions. Interactions of a session fit in memory (one to
 * two orders of magnitude fewer than events), and classification needs them in order across tabs, which flush
 * independently.
 */
export async function goldStage(silver: SilverLayer, options: GoldOptions): Promise<GoldOutput> {
  const collected: Interaction[] = [];
  for await (const interaction of silver.interactions) collected.push(interaction);
  const interactions = sortInteractions(collected);
  const { windows, actions, cancelledIds } = buildGold(interactions, options.suite, {
    keysRecorded: silver.summary().keyEvents > 0,
  });
  const usage: TokenUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };
  const { llm, suite } = options;
  if (llm)
    actions.push(
      ...(await classifyWithLlm({ interactions, windows, actions, cancelledIds, suite, llm, usage })),
    );
  // Stable: actions of one time keep the recogniser's order.
  actions.sort((a, b) => a.ts - b.ts);
  return { interactions, windows, actions, ...(llm ? { llm: { model: llm.model, ...usage } } : {}) };
}
