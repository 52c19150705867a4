import { describe, expect, it } from "vitest";
import { buildDatasetCard } from "./build-dataset-card";

describe("buildDatasetCard", () => {
  it("describes counts per tool, the format, the model, the zone and what was left out", () => {
    const card = buildDatasetCard({
      suite: { slug: "gmail", name: "Gmail" },
      mapSlug: "gmail-to-gmail-mcp",
      mcpServer: "Gmail MCP server",
      model: "gpt-4o",
      modelConfiguration: { temperature: 0.2 },
      format: "sharegpt",
      source: { fileName: "session.rrweb.json", format: "rrweb" },
      timezone: "Europe/Paris",
      examples: {
        records: [{}, {}],
        toolCalls: [
          { action: "a1", tool: "send_email", arguments: {} },
          { action: "a2", tool: "send_email", arguments: {} },
          { action: "a3", tool: "search_emails", arguments: {} },
        ],
        rejected: [
          { action: "a4", slug: "save_draft", errors: ["draft_email: must have required property 'body'"] },
        ],
        usage: { calls: 2, inputTokens: 120, outputTokens: 30 },
      },
    });
    expect(card).toMatch(/^---\nlicense: other/);
    expect(card).toContain("# Gmail tool-call examples");
    expect(card).toContain("`session.rrweb.json` (rrweb)");
    expect(card).toContain("| `send_email` | 2 |");
    expect(card).toContain("| `search_emails` | 1 |");
    expect(card).toContain("Hermes / ShareGPT");
    expect(card).toContain('`gpt-4o` with `{"temperature":0.2}`');
    expect(card).toContain("Europe/Paris");
    expect(card).toContain("LLM tokens: 120 in, 30 out");
    expect(card).toContain("| `save_draft` | draft_email: must have required property 'body' |");
  });
});
