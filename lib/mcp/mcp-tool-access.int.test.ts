import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller, createTestUser } from "@/db/test-factories";
import { type ApiKeyScope, scopeAllows } from "@/lib/auth/principal";
import { can, ROLES, type WorkspaceRole } from "@/lib/workspaces/policy";
import { type McpToolName, mcpToolScopes } from "@/schemas/mcp";
import { type ApiTestServer, startApiTestServer } from "@/test/helpers/api-test-server";
import { createExampleFor, createSessionFor } from "@/test/helpers/owner-fixtures";
import { mcpToolPermissions, mcpTools } from "./mcp-tools";

/**
 * The guard every MCP tool gets, generated from the tool list: a key sees and calls a tool only when its scope
 * allows it, and a tool that takes an id answers another account's id with a tool error. A new tool must state
 * here how to call it with someone else's id (or that it reads only the shared catalog): the record type fails
 * the build otherwise.
 */
interface Foreign {
  sessionId: string;
  exampleId: string;
}
const foreignArguments: Record<McpToolName, ((f: Foreign) => Record<string, unknown>) | "shared catalog"> = {
  list_suites: "shared catalog",
  get_suite: "shared catalog",
  list_action_tool_maps: "shared catalog",
  list_sessions: (f) => ({ q: f.sessionId.slice(0, 8) }),
  get_session: (f) => ({ session_id: f.sessionId }),
  create_session: "shared catalog",
  append_events: (f) => ({ session_id: f.sessionId, events: [{ id: "e1", timestamp: 1, type: "click" }] }),
  complete_session: (f) => ({ session_id: f.sessionId }),
  create_example: (f) => ({ session_id: f.sessionId }),
  get_example: (f) => ({ example_id: f.exampleId }),
  get_example_messages: (f) => ({ example_id: f.exampleId }),
  list_review_items: (f) => ({ session_id: f.sessionId, status: "pending" }),
  decide_review_item: () => ({ review_item_id: crypto.randomUUID(), decision: "reject" }),
};

let dataDir: string;
let server: ApiTestServer;
let foreign: Foreign;
const clients = new Map<ApiKeyScope, Client>();
const listed = new Map<ApiKeyScope, string[]>();
const roleClients = new Map<WorkspaceRole, Client>();
const roleListed = new Map<WorkspaceRole, string[]>();

async function connect(secret: string, name: string) {
  const client = new Client({ name, version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.url}/v1/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${secret}` } },
    }),
  );
  return client;
}

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  server = await startApiTestServer();
  const owner = await createTestCaller("full");
  const sessionId = await createSessionFor(owner.user.id);
  foreign = { sessionId, exampleId: await createExampleFor(owner.user.id, sessionId) };
  for (const scope of ["read", "ingest", "full"] as const) {
    const stranger = await createTestCaller(scope);
    const client = await connect(stranger.secret, `guard-${scope}`);
    clients.set(scope, client);
    listed.set(
      scope,
      (await client.listTools()).tools.map((t) => t.name),
    );
  }
  // A team workspace with a member of every role, each holding a full-scope key of it.
  const db = await getDb();
  const teamOwner = await createTestUser();
  const team = await insertWorkspace(db, { name: "Team", ownerId: teamOwner.id });
  for (const role of ROLES) {
    const user = role === "owner" ? teamOwner : await createTestUser();
    if (role !== "owner") await insertMember(db, { workspaceId: team.id, userId: user.id, role });
    const client = await connect((await createTestApiKey(user.id, "full", team.id)).secret, `guard-${role}`);
    roleClients.set(role, client);
    roleListed.set(
      role,
      (await client.listTools()).tools.map((t) => t.name),
    );
  }
});

afterAll(async () => {
  for (const client of [...clients.values(), ...roleClients.values()]) await client.close();
  await server?.close();
  await closeTestDatabase(dataDir);
});

const callTool = async (scope: ApiKeyScope, name: string, args: Record<string, unknown>) =>
  (await clients.get(scope)?.callTool({ name, arguments: args })) as CallToolResult;

describe("MCP tool access", () => {
  it("covers every tool", () => {
    expect(Object.keys(foreignArguments).sort()).toEqual(mcpTools.map((t) => t.name).sort());
  });

  it.each(mcpTools.map((t) => t.name))("%s is listed and callable only within its scope", async (name) => {
    for (const scope of ["read", "ingest", "full"] as const) {
      const allowed = scopeAllows(scope, mcpToolScopes[name]);
      expect(listed.get(scope)?.includes(name), `${scope} key lists ${name}`).toBe(allowed);
      if (!allowed) {
        const result = await callTool(scope, name, {});
        expect(result.isError, `${scope} key calls ${name}`).toBe(true);
      }
    }
  });

  it.each(mcpTools.map((t) => t.name))("%s is listed and callable only by roles allowed it", async (name) => {
    for (const role of ROLES) {
      const allowed = can(role, mcpToolPermissions[name]);
      expect(roleListed.get(role)?.includes(name), `${role} lists ${name}`).toBe(allowed);
      if (!allowed) {
        const result = (await roleClients.get(role)?.callTool({ name, arguments: {} })) as CallToolResult;
        expect(result.isError, `${role} calls ${name}`).toBe(true);
      }
    }
  });

  it.each(mcpTools.map((t) => t.name))("%s answers another account's id without its data", async (name) => {
    const make = foreignArguments[name];
    if (make === "shared catalog") return;
    const result = await callTool("full", name, make(foreign));
    const text = JSON.stringify(result);
    if (name === "list_sessions" || name === "list_review_items") {
      // A list is scoped by its owner: someone else's rows are simply absent.
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ data: [] });
    } else {
      expect(result.isError, text).toBe(true);
      expect(text).toMatch(/not found|another account/);
    }
  });
});
