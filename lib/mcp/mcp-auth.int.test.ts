import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { resetEntraKeysForTests } from "@/lib/auth/resolve-entra-token";
import { resetEnvCache } from "@/lib/env";
import { type FakeEntra, startFakeEntra } from "@/test/fakes/oidc-entra";
import { type ApiTestServer, startApiTestServer } from "@/test/helpers/api-test-server";

// Entra access tokens and rate limits on the MCP endpoint, as on the REST API: the fake tenant speaks OIDC and
// signs real JWTs; the rate limiter is the REST one, set low.

const AUDIENCE = "api://tracepipe-mcp-test";
const ENV = {
  AUTH_MICROSOFT_ENTRA_ID_ID: "",
  AUTH_MICROSOFT_ENTRA_ID_SECRET: "",
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: "",
  ENTRA_API_AUDIENCE: AUDIENCE,
  // A read/full key may make 3 requests in a burst (0.3 req/s over a 10-second bucket).
  RATE_LIMIT_KEY_RPS: "0.3",
};
let entra: FakeEntra;
let dataDir: string;
let server: ApiTestServer;

beforeAll(async () => {
  entra = await startFakeEntra({ redirectUris: ["http://127.0.0.1:1/api/auth/callback/microsoft-entra-id"] });
  Object.assign(ENV, {
    AUTH_MICROSOFT_ENTRA_ID_ID: entra.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: entra.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: entra.issuer,
  });
  Object.assign(process.env, ENV);
  resetEnvCache();
  resetEntraKeysForTests();
  ({ dataDir } = await openTestDatabase());
  server = await startApiTestServer();
});
afterAll(async () => {
  for (const key of Object.keys(ENV)) delete process.env[key];
  resetEnvCache();
  await server?.close();
  await entra?.close();
  await closeTestDatabase(dataDir);
});

const connect = async (token: string) => {
  const client = new Client({ name: "entra-agent", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.url}/v1/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
};

describe("MCP auth with Entra configured", () => {
  it("names the Entra tenant as the authorization server in the protected resource metadata", async () => {
    const response = await fetch(`${server.url}/.well-known/oauth-protected-resource/v1/mcp`);
    expect(await response.json()).toEqual({
      resource: `${server.url}/v1/mcp`,
      resource_name: "Tracepipe",
      authorization_servers: [entra.issuer],
      scopes_supported: [`${AUDIENCE}/.default`],
      bearer_methods_supported: ["header"],
      resource_documentation: `${server.url}/settings/agents`,
    });
  });

  it("takes an Entra access token with full scope and refuses one for another audience", async () => {
    const token = await entra.signAccessToken({ aud: AUDIENCE, oid: entra.objectIdFor("grace") });
    const client = await connect(token);
    expect((await client.listTools()).tools).toHaveLength(13);
    await client.close();

    const foreign = await entra.signAccessToken({
      aud: "api://someone-else",
      oid: entra.objectIdFor("grace"),
    });
    const response = await fetch(`${server.url}/v1/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${foreign}`, "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/v1/mcp", error="invalid_token"`,
    );
  });

  it("rate-limits each key like the REST API: 429 with Retry-After once its bucket is empty", async () => {
    const caller = await createTestCaller("read");
    const post = () =>
      fetch(`${server.url}/v1/mcp`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${caller.secret}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const response = await post();
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else expect(response.headers.get("x-ratelimit-limit")).toBe("3");
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited?.json())?.detail).toMatch(/^Rate limit exceeded/);
  });
});
