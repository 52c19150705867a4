import { describe, expect, it } from "vitest";
import { type Conversation, formatConversation } from "@/lib/pipeline/examples/record-formats";
import { parseExampleRecord } from "./parse-example-record";

const conversation: Conversation = {
  system: "You operate Gmail through MCP tools.",
  user: "Email alice@example.com about lunch",
  calls: [
    { id: "call_1", name: "send_email", arguments: { to: ["alice@example.com"], subject: "Lunch" } },
    { id: "call_2", name: "archive", arguments: { id: "m1" } },
  ],
  tools: [
    {
      name: "send_email",
      description: "Send",
      input_schema: { type: "object", properties: {}, required: [], additionalProperties: false },
    },
    {
      name: "archive",
      description: "Archive",
      input_schema: { type: "object", properties: {}, required: [] },
    },
  ],
};

const expected = [
  { role: "system", text: "You operate Gmail through MCP tools." },
  { role: "user", text: "Email alice@example.com about lunch" },
  {
    role: "assistant",
    toolCalls: [
      { name: "send_email", arguments: { to: ["alice@example.com"], subject: "Lunch" } },
      { name: "archive", arguments: { id: "m1" } },
    ],
  },
];

describe("parseExampleRecord reads what the pipeline writes", () => {
  it.each(["openai", "anthropic", "gemini"] as const)("%s", (format) => {
    const parsed = parseExampleRecord(formatConversation(format, conversation));
    expect(parsed).toEqual({ format, turns: expected, toolCount: 2 });
  });

  it("sharegpt: tool calls out of <tool_call> tags, the <tools> block collapsed", () => {
    const parsed = parseExampleRecord(formatConversation("sharegpt", conversation));
    expect(parsed.format).toBe("sharegpt");
    expect(parsed.toolCount).toBe(2);
    expect(parsed.turns[0]?.role).toBe("system");
    expect(parsed.turns[0]?.text).toContain("<tools>…</tools>");
    expect(parsed.turns[0]?.text).not.toContain("send_email");
    expect(parsed.turns.slice(1)).toEqual(expected.slice(1));
  });

  it("keeps unparseable OpenAI arguments as the raw string, and flags unknown shapes", () => {
    const parsed = parseExampleRecord({
      messages: [{ role: "assistant", tool_calls: [{ function: { name: "x", arguments: "{not json" } }] }],
    });
    expect(parsed.turns).toEqual([{ role: "assistant", toolCalls: [{ name: "x", arguments: "{not json" }] }]);
    expect(parseExampleRecord({ prompt: "hi" }).format).toBe("unknown");
    expect(parseExampleRecord("text").format).toBe("unknown");
  });
});
