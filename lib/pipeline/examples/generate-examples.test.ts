import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { writeJsonl } from "@/lib/pipeline/jsonl";
import type { GoldAction } from "@/schemas/pipeline";
import { generateExamples } from "./generate-examples";

const catalog = getBundledCatalog();

const action = (
  slug: string,
  parameters: GoldAction["parameters"],
  extra: Partial<GoldAction> = {},
): GoldAction => ({
  id: `a-${slug}`,
  slug,
  parameters,
  confidence: 0.95,
  needsReview: false,
  source: "rules",
  interactionIds: ["i1"],
  eventIds: ["e1"],
  window: "w1",
  ts: 1,
  ...extra,
});

describe("generateExamples", () => {
  it("writes an OpenAI fine-tuning record with tools and a JSON-string tool call", async () => {
    const result = await generateExamples({
      actions: [action("compose_email", { to: ["alice@example.com"], subject: "Hi", body: "Hello Alice" })],
      suite: "gmail",
      model: "tracepipe-rules-1",
      catalog,
      format: "openai",
    });
    expect(result.rejected).toEqual([]);
    expect(result.toolCalls).toEqual([
      {
        action: "a-compose_email",
        tool: "send_email",
        arguments: { to: ["alice@example.com"], subject: "Hi", body: "Hello Alice" },
      },
    ]);
    const line = JSON.parse(writeJsonl(result.records).trim());
    expect(line.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(line.messages[1].content).toContain("alice@example.com");
    const call = line.messages[2].tool_calls[0];
    expect(call.type).toBe("function");
    expect(call.function.name).toBe("send_email");
    expect(JSON.parse(call.function.arguments)).toEqual({
      to: ["alice@example.com"],
      subject: "Hi",
      body: "Hello Alice",
    });
    expect(line.tools.map((t: { function: { name: string } }) => t.function.name)).toContain("draft_email");
  });

  it("applies constants, datetime_iso8601 in the recording's zone and emails_to_attendees", async () => {
    const result = await generateExamples({
      actions: [
        action("create_event", {
          title: "Standup",
          start: "2025-12-02T10:00:00",
          end: "2025-07-02T10:30:00",
          guests: ["bob@example.com"],
        }),
      ],
      suite: "google-calendar",
      model: "tracepipe-rules-1",
      catalog,
      format: "anthropic",
      timezone: "Europe/Berlin",
    });
    expect(result.toolCalls[0]?.arguments).toEqual({
      calendarId: "primary",
      summary: "Standup",
      start: "2025-12-02T10:00:00+01:00",
      end: "2025-07-02T10:30:00+02:00",
      attendees: [{ email: "bob@example.com" }],
    });
    const record = result.records[0] as { messages: { content: { type: string; input?: unknown }[] }[] };
    expect(record.messages[1]?.content[0]).toMatchObject({ type: "tool_use", name: "create-event" });
  });

  it("coerces issue numbers and rejects arguments that fail the tool schema", async () => {
    const result = await generateExamples({
      actions: [
        action("comment_on_issue", { owner: "octo", repo: "app", issue_number: "42", body: "Thanks!" }),
        action("compose_email", { to: ["not-an-email"], subject: "x", body: "y" }, { id: "bad" }),
        action("search_mail", { query: "from:bob" }, { id: "weak", needsReview: true, confidence: 0.5 }),
      ],
      suite: "github",
      model: "tracepipe-rules-1",
      catalog,
      format: "gemini",
    });
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]?.arguments).toMatchObject({ issue_number: 42 });
    expect(result.rejected.map((r) => r.action)).toEqual(["bad", "weak"]);
  });

  it("writes one multi-step record per session with the calls in order, and Hermes/ShareGPT tool calls", async () => {
    const actions = [
      action("search_mail", { query: "from:ann" }, { id: "s", ts: 1 }),
      action("create_label", { name: "Ann" }, { id: "l", ts: 2 }),
    ];
    const multi = await generateExamples({
      actions,
      suite: "gmail",
      model: "tracepipe-rules-1",
      catalog,
      format: "openai",
      multiStep: true,
    });
    expect(multi.records).toHaveLength(1);
    const record = multi.records[0] as {
      messages: { content?: string; tool_calls?: { function: { name: string } }[] }[];
    };
    expect(record.messages[1]?.content).toMatch(
      /^Please do the following, in order:\n1\. .*from:ann.*\n2\. .*"Ann"/s,
    );
    expect(record.messages[2]?.tool_calls?.map((c) => c.function.name)).toEqual([
      "search_emails",
      "create_label",
    ]);

    const hermes = await generateExamples({
      actions,
      suite: "gmail",
      model: "tracepipe-rules-1",
      catalog,
      format: "sharegpt",
    });
    const first = hermes.records[0] as { conversations: { from: string; value: string }[]; tools: string };
    expect(first.conversations.map((c) => c.from)).toEqual(["system", "human", "gpt"]);
    expect(first.conversations[0]?.value).toContain("<tools>");
    expect(first.conversations[2]?.value).toBe(
      '<tool_call>\n{"name":"search_emails","arguments":{"query":"from:ann"}}\n</tool_call>',
    );
    expect(JSON.parse(first.tools).map((t: { function: { name: string } }) => t.function.name)).toContain(
      "send_email",
    );
  });
});
