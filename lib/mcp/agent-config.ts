// How to connect an agent to Tracepipe's MCP endpoint, per client: the Settings page and `tracepipe mcp` print the
// same text. Formats as each product documents them (checked 2026-12): Claude Code's `claude mcp add --transport
// http … --header`, Cursor's `mcpServers` with `url` and `headers`, VS Code's `servers` with `type: "http"` and a
// password input for the key, and Claude Desktop, whose config file takes only local commands, through
// `mcp-remote` (the header value in an env variable: spaces in args are mangled on Windows).

export const AGENT_CLIENTS = ["claude-code", "claude-desktop", "cursor", "vscode"] as const;
export type AgentClient = (typeof AGENT_CLIENTS)[number];

export interface AgentConfig {
  client: AgentClient;
  title: string;
  /** Where the snippet goes. */
  where: string;
  text: string;
}

const SERVER_NAME = "tracepipe";

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function agentConfigs(input: { mcpUrl: string; apiKey: string }): AgentConfig[] {
  const { mcpUrl, apiKey } = input;
  const bearer = `Bearer ${apiKey}`;
  return [
    {
      client: "claude-code",
      title: "Claude Code",
      where: "Run in a terminal (add --scope user to use it in every project)",
      text: `claude mcp add --transport http ${SERVER_NAME} ${mcpUrl} --header "Authorization: ${bearer}"`,
    },
    {
      client: "claude-desktop",
      title: "Claude Desktop",
      where: "Settings → Developer → Edit Config (claude_desktop_config.json), then restart Claude",
      text: json({
        mcpServers: {
          [SERVER_NAME]: {
            command: "npx",
            // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote expands the env variable itself
            args: ["-y", "mcp-remote", mcpUrl, "--header", "Authorization:${TRACEPIPE_AUTH}"],
            env: { TRACEPIPE_AUTH: bearer },
          },
        },
      }),
    },
    {
      client: "cursor",
      title: "Cursor",
      where: "~/.cursor/mcp.json (every project) or .cursor/mcp.json (this project)",
      text: json({ mcpServers: { [SERVER_NAME]: { url: mcpUrl, headers: { Authorization: bearer } } } }),
    },
    {
      client: "vscode",
      title: "VS Code",
      where: ".vscode/mcp.json (VS Code asks for the key once and stores it encrypted)",
      text: json({
        inputs: [
          { type: "promptString", id: "tracepipe-api-key", description: "Tracepipe API key", password: true },
        ],
        servers: {
          [SERVER_NAME]: {
            type: "http",
            url: mcpUrl,
            // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's own input variable syntax
            headers: { Authorization: "Bearer ${input:tracepipe-api-key}" },
          },
        },
      }),
    },
  ];
}

/** The configurations as plain text, for a terminal. */
export function formatAgentConfigs(input: { mcpUrl: string; apiKey: string; scope: string }): string {
  const blocks = agentConfigs(input).map((c) => `## ${c.title}\n# ${c.where}\n${c.text}\n`);
  return [
    `MCP endpoint: ${input.mcpUrl}`,
    `API key (${input.scope} scope): ${input.apiKey}`,
    "Keep the key secret: anyone holding it acts as you within its scope.",
    "",
    ...blocks,
  ].join("\n");
}
