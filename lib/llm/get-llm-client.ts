import { getEnv } from "@/lib/env";
import type { LlmClient } from "@/lib/pipeline/llm-client";
import { createOpenAiCompatibleClient } from "./openai-compatible-client";

export const DEFAULT_CLASSIFICATION_MODEL = "gpt-4.1-mini";

/**
 * The gateway client for `model` (a catalog model slug, sent as the `model` of each request), or undefined
 * when no gateway is configured: then only the offline `tracepipe-rules-1` model is available.
 */
export function getLlmClient(model: string): LlmClient | undefined {
  const env = getEnv();
  if (!env.LLM_BASE_URL) return undefined;
  return createOpenAiCompatibleClient({ baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model });
}

/** The client gold uses for interactions the rules cannot classify, if a gateway is configured. */
export function getClassificationLlm(): LlmClient | undefined {
  return getLlmClient(getEnv().LLM_CLASSIFICATION_MODEL ?? DEFAULT_CLASSIFICATION_MODEL);
}
