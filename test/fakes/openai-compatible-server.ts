import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server speaking the OpenAI chat-completions protocol (`POST /v1/chat/completions`, bearer auth,
 * `choices[].message.content`, `usage`), for tests of code that talks to an LLM gateway. Answers come from
 * `respond`; token usage is counted as whitespace-separated words so tests can check accounting.
 */
export type FakeChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  [option: string]: unknown;
};

export type FakeOpenAiServer = {
  url: string;
  requests: FakeChatRequest[];
  close: () => Promise<void>;
};

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startOpenAiCompatibleServer(options: {
  apiKey?: string;
  respond: (request: FakeChatRequest) => string | { status: number; body: unknown };
}): Promise<FakeOpenAiServer> {
  const requests: FakeChatRequest[] = [];
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      send(404, { error: { message: "Not found", type: "invalid_request_error" } });
      return;
    }
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      send(401, {
        error: {
          message: "Incorrect API key provided",
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
      });
      return;
    }
    let body: FakeChatRequest;
    try {
      body = JSON.parse(await readBody(req)) as FakeChatRequest;
    } catch {
      send(400, {
        error: {
          message: "We could not parse the JSON body of your request.",
          type: "invalid_request_error",
        },
      });
      return;
    }
    if (typeof body.model !== "string" || !Array.isArray(body.messages)) {
      send(400, { error: { message: "'model' and 'messages' are required", type: "invalid_request_error" } });
      return;
    }
    requests.push(body);
    const answer = options.respond(body);
    if (typeof answer !== "string") {
      send(answer.status, answer.body);
      return;
    }
    const promptTokens = body.messages.reduce((sum, message) => sum + words(String(message.content)), 0);
    send(200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: words(answer),
        total_tokens: promptTokens + words(answer),
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
