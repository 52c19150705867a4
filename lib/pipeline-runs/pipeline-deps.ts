import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { getClassificationLlm, getLlmClient } from "@/lib/llm/get-llm-client";
import type { LlmClient } from "@/lib/pipeline/llm-client";
import type { Catalog } from "@/schemas/catalog";

/**
 * What a durable run is given besides its ids: the catalog and the LLM gateway. Everything else is the pure
 * pipeline's (lib/pipeline/stages). Clients are resolved when a step runs, so the configuration of that moment
 * applies.
 */
export interface PipelineDeps {
  catalog: Catalog;
  /** The gateway client for a catalog model slug; undefined when no gateway is configured. */
  llm(model: string): LlmClient | undefined;
  /** The client gold classifies leftover interactions with, if any. */
  classificationLlm(): LlmClient | undefined;
}

/** Tokens spent on one catalog model in one step, as usage records want them. */
export interface LlmUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export const usageOf = (
  usage: { model: string; calls: number; inputTokens: number; outputTokens: number } | undefined,
): LlmUsage[] =>
  usage && usage.calls > 0
    ? [{ model: usage.model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens }]
    : [];

/** The production binding: the bundled catalog (db/catalog.json) and the configured LLM gateway. */
export function getPipelineDeps(): PipelineDeps {
  return { catalog: getBundledCatalog(), llm: getLlmClient, classificationLlm: getClassificationLlm };
}
