import { headers } from "next/headers";
import { ConnectAgent } from "@/components/settings/connect-agent";
import { originFromHeaders } from "@/lib/auth/public-request-url";
import { requireSessionUser } from "@/lib/auth/session";
import { MCP_PATH } from "@/lib/mcp/protected-resource-metadata";
import { createApiKeyAction } from "../api-keys/actions";

export const metadata = { title: "Connect an agent" };
export const dynamic = "force-dynamic";

export default async function ConnectAgentPage() {
  await requireSessionUser("/settings/agents");
  const origin = originFromHeaders(await headers()) ?? "http://localhost:3000";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Connect an agent</h1>
        <p className="text-sm text-muted-foreground">
          Tracepipe is an MCP server: an agent can list your sessions, record itself, request examples and
          read them. Create a key for it, then paste the configuration for your client. The CLI prints the
          same with <code>npx tracepipe mcp --scope read</code>.
        </p>
      </div>
      <ConnectAgent mcpUrl={`${origin}${MCP_PATH}`} action={createApiKeyAction} />
    </div>
  );
}
