import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { createOpenAiCompatibleClient, LlmRequestError } from "@/lib/llm/openai-compatible-client";
import { generateExamples } from "@/lib/pipeline/examples/generate-examples";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { type FakeOpenAiServer, startOpenAiCompatibleServer } from "@/test/fakes/openai-compatible-server";
import { TestSession } from "@/test/helpers/test-session";

const catalog = getBundledCatalog();
let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({
    apiKey: "sk-test",
    respond: (request) => {
      const user = request.messages.at(-1)?.content ?? "";
      if (request.response_format) {
        // Classification: one real value from the steps and one the model made up.
        return JSON.stringify({
          actions: [
            {
              action: "create_label",
              parameters: { name: user.includes("Travel") ? "Travel" : "Invented" },
              confidence: 0.9,
            },
          ],
        });
      }
      return `Please make a label called ${JSON.parse(user).arguments.name}.`;
    },
  });
});
afterAll(() => server.close());

describe("LLM classification and instructions over an OpenAI-compatible gateway", () => {
  it("classifies a form the rules cannot, marks it for review, keeps only literal values, counts tokens", async () => {
    const llm = createOpenAiCompatibleClient({
      baseUrl: server.url,
      apiKey: "sk-test",
      model: "gpt-4.1-mini",
    });
    const s = new TestSession("https://mail.google.com/mail/u/0/#settings/labels");
    s.type({ tag: "input", id: "xyz-17" }, "Travel").click({ tag: "div", role: "button", text: "OK" });
    const result = await runPipeline({ events: s.events, suite: "gmail", catalog, llm });
    expect(result.actions).toHaveLength(1);
    expect(result.actions[0]).toMatchObject({
      slug: "create_label",
      parameters: { name: "Travel" },
      source: "llm",
      needsReview: true,
    });
    expect(result.metrics.llm?.calls).toBe(1);
    expect(result.metrics.llm?.inputTokens).toBeGreaterThan(10);
    expect(server.requests.at(-1)?.model).toBe("gpt-4.1-mini");
  });

  it("drops values the model invents", async () => {
    const llm = createOpenAiCompatibleClient({
      baseUrl: server.url,
      apiKey: "sk-test",
      model: "gpt-4.1-mini",
    });
    const s = new TestSession("https://mail.google.com/mail/u/0/#settings/labels").type(
      { tag: "input", id: "x" },
      "Holidays",
    );
    const { actions } = await runPipeline({ events: s.events, suite: "gmail", catalog, llm });
    expect(actions[0]?.parameters).toEqual({});
  });

  it("writes instructions with an LLM model, passing model_configuration and reporting usage", async () => {
    const llm = createOpenAiCompatibleClient({ baseUrl: server.url, apiKey: "sk-test", model: "gpt-4o" });
    const action = {
      id: "a1",
      slug: "create_label",
      parameters: { name: "Receipts" },
      confidence: 0.95,
      needsReview: false,
      source: "rules" as const,
      interactionIds: [],
      eventIds: [],
      window: "w1",
      ts: 1,
    };
    const result = await generateExamples({
      actions: [action],
      suite: "gmail",
      model: "gpt-4o",
      modelConfiguration: { temperature: 0.3, max_tokens: 200 },
      catalog,
      format: "sharegpt",
      llm,
    });
    const request = server.requests.at(-1);
    expect(request).toMatchObject({ model: "gpt-4o", temperature: 0.3, max_tokens: 200 });
    const record = result.records[0] as { conversations: { from: string; value: string }[] };
    expect(record.conversations[1]).toEqual({ from: "human", value: "Please make a label called Receipts." });
    expect(record.conversations[2]?.value).toBe(
      '<tool_call>\n{"name":"create_label","arguments":{"name":"Receipts"}}\n</tool_call>',
    );
    expect(result.usage.outputTokens).toBe(6);
  });

  it("reports a wrong key as a gateway error", async () => {
    const llm = createOpenAiCompatibleClient({ baseUrl: server.url, apiKey: "wrong", model: "gpt-4o" });
    await expect(llm.complete({ messages: [{ role: "user", content: "hi" }] })).rejects.toBeInstanceOf(
      LlmRequestError,
    );
  });
});
