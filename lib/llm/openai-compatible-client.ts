import { z } from "zod";
import type { ChatRequest, ChatResult, LlmClient } from "@/lib/pipeline/llm-client";

const completionSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).partial().optional(),
});

export type OpenAiCompatibleOptions = {
  /** e.g. `https://api.openai.com/v1` or a gateway's `/v1` base. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof fetch;
};

export class LlmRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chat completions over the OpenAI wire protocol (`POST {baseUrl}/chat/completions`), retrying 429 and 5xx. */
export function createOpenAiCompatibleClient(options: OpenAiCompatibleOptions): LlmClient {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const retries = options.retries ?? 2;

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const model = request.model ?? options.model;
    const body = {
      ...request.options,
      model,
      messages: request.messages,
      ...(request.json ? { response_format: { type: "json_object" } } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      const response = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
      if ((response.status === 429 || response.status >= 500) && attempt < retries) {
        await response.body?.cancel();
        await sleep(250 * 2 ** attempt);
        continue;
      }
      if (!response.ok) {
        const text = (await response.text()).slice(0, 500);
        throw new LlmRequestError(`LLM gateway answered ${response.status}: ${text}`, response.status);
      }
      const parsed = completionSchema.safeParse(await response.json());
      if (!parsed.success) throw new LlmRequestError("LLM gateway answered with an unexpected body");
      return {
        content: parsed.data.choices[0]?.message.content ?? "",
        model: parsed.data.model ?? model,
        usage: {
          inputTokens: parsed.data.usage?.prompt_tokens ?? 0,
          outputTokens: parsed.data.usage?.completion_tokens ?? 0,
        },
      };
    }
  }

  return { model: options.model, complete };
}
