/**
 * What the pipeline needs from a language model: one chat completion at a time, with token usage. The pipeline
 * never opens connections itself; callers pass an implementation (lib/llm/openai-compatible-client.ts over an
 * OpenAI-compatible gateway, or a test double speaking that protocol).
 */
export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type ChatRequest = {
  messages: ChatMessage[];
  /** Overrides the client's default model (examples use the catalog model the customer picked). */
  model?: string;
  /** Sampling settings (`temperature`, `top_p`, `max_tokens`, `seed` …) passed through as given. */
  options?: Record<string, unknown>;
  json?: boolean;
};

export type ChatResult = {
  content: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number };
};

export interface LlmClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

export type TokenUsage = { calls: number; inputTokens: number; outputTokens: number };

export function addUsage(total: TokenUsage, result: ChatResult): void {
  total.calls++;
  total.inputTokens += result.usage.inputTokens;
  total.outputTokens += result.usage.outputTokens;
}
