import { formatAgentConfigs } from "@/lib/mcp/agent-config";
import { apiKeyScopeSchema, createdApiKeySchema } from "@/schemas/api-keys";
import { type CliDeps, type CliIo, createCommandClient, parseCommandArgs, UsageError } from "./cli-context";

/**
 * `tracepipe mcp [--scope read|ingest|full] [--name <text>] [--key <tp_live_…>]`: creates an API key for an agent
 * (with the caller's credential, within its own scope) and prints how to connect Claude Code, Claude Desktop,
 * Cursor and VS Code to the server's MCP endpoint, as Settings → Connect an agent shows it.
 */
export async function runMcp(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    scope: { type: "string", default: "read" },
    name: { type: "string", default: "MCP agent" },
    key: { type: "string" },
  });
  const scope = apiKeyScopeSchema.safeParse(values.scope);
  if (!scope.success) throw new UsageError(`--scope must be read, ingest or full, got "${values.scope}"`);
  const { client } = createCommandClient(values.server, deps, io);
  const mcpUrl = `${client.baseUrl}/v1/mcp`;
  if (values.key) {
    io.stdout(formatAgentConfigs({ mcpUrl, apiKey: values.key, scope: "its own" }));
    return 0;
  }
  const created = await client.requestJson(
    {
      method: "POST",
      path: "/v1/api-keys",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: values.name, scope: scope.data }),
      // A retried POST would create a second key; 429 is answered before any work.
      retry: "throttle",
    },
    [201],
    createdApiKeySchema,
  );
  io.stdout(formatAgentConfigs({ mcpUrl, apiKey: created.secret, scope: created.scope }));
  return 0;
}
