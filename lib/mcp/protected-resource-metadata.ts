import { publicOrigin } from "@/lib/auth/public-request-url";
import { getEnv, isEntraConfigured } from "@/lib/env";

export const MCP_PATH = "/v1/mcp";
export const MCP_METADATA_PATH = `/.well-known/oauth-protected-resource${MCP_PATH}`;

/** Where a client finds how to get a token for the MCP endpoint (RFC 9728 §3: the path suffix is the resource's). */
export const mcpMetadataUrl = (request: Request) => `${publicOrigin(request)}${MCP_METADATA_PATH}`;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) of `/v1/mcp`. With Entra configured, it names the tenant as
 * the authorization server and the API's scope; API keys are bearer tokens it issues itself, so without Entra
 * the list of authorization servers is empty and clients are told to use a key (`resource_documentation`).
 */
export function protectedResourceMetadata(request: Request) {
  const env = getEnv();
  const origin = publicOrigin(request);
  const entra = isEntraConfigured(env) && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER && env.ENTRA_API_AUDIENCE;
  return {
    resource: `${origin}${MCP_PATH}`,
    resource_name: "Tracepipe",
    authorization_servers: entra ? [env.AUTH_MICROSOFT_ENTRA_ID_ISSUER] : [],
    ...(entra ? { scopes_supported: [`${env.ENTRA_API_AUDIENCE}/.default`] } : {}),
    bearer_methods_supported: ["header"],
    resource_documentation: `${origin}/settings/agents`,
  };
}
