import { describe, expect, it } from "vitest";
import { AGENT_CLIENTS, agentConfigs, formatAgentConfigs } from "./agent-config";

const input = { mcpUrl: "https://tracepipe.example/v1/mcp", apiKey: "tp_live_abc" };

describe("agent configurations", () => {
  it("gives every client a configuration naming the endpoint", () => {
    const configs = agentConfigs(input);
    expect(configs.map((c) => c.client)).toEqual([...AGENT_CLIENTS]);
    for (const config of configs) expect(config.text, config.client).toContain(input.mcpUrl);
  });

  it("writes each product's own format", () => {
    const byClient = Object.fromEntries(agentConfigs(input).map((c) => [c.client, c.text]));
    expect(byClient["claude-code"]).toBe(
      'claude mcp add --transport http tracepipe https://tracepipe.example/v1/mcp --header "Authorization: Bearer tp_live_abc"',
    );
    expect(JSON.parse(byClient.cursor ?? "")).toEqual({
      mcpServers: {
        tracepipe: { url: input.mcpUrl, headers: { Authorization: "Bearer tp_live_abc" } },
      },
    });
    const vscode = JSON.parse(byClient.vscode ?? "");
    expect(vscode.servers.tracepipe).toMatchObject({ type: "http", url: input.mcpUrl });
    // VS Code prompts for the key instead of keeping it in a file that may be committed.
    expect(JSON.stringify(vscode)).not.toContain("tp_live_abc");
    const desktop = JSON.parse(byClient["claude-desktop"] ?? "");
    expect(desktop.mcpServers.tracepipe.args).toContain(input.mcpUrl);
    expect(desktop.mcpServers.tracepipe.env.TRACEPIPE_AUTH).toBe("Bearer tp_live_abc");
  });

  it("prints them for a terminal with the key and its scope", () => {
    const text = formatAgentConfigs({ ...input, scope: "read" });
    expect(text).toContain("API key (read scope): tp_live_abc");
    expect(text).toContain("## Claude Code");
    expect(text).toContain("## VS Code");
  });
});
