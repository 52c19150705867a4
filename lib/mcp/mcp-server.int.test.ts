import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import type { EmbeddedExecutor } from "@/lib/jobs/embedded-executor";
import { type McpToolName, mcpToolOutputs } from "@/schemas/mcp";
import { type ApiTestServer, startApiTestServer } from "@/test/helpers/api-test-server";
import { startAppExecutor } from "@/test/helpers/app-executor";
import { calendarEditorRecordingLines } from "@/test/helpers/calendar-recording";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";

// The MCP endpoint over real HTTP, spoken to by the SDK's own client, against the real database and the embedded
// executor that runs the pipeline.

let dataDir: string;
let executor: EmbeddedExecutor;
let server: ApiTestServer;
type Caller = Awaited<ReturnType<typeof createTestCaller>>;
let owner: Caller;
let stranger: Caller;
const clients: Client[] = [];

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  executor = await startAppExecutor();
  server = await startApiTestServer();
  owner = await createTestCaller("full");
  stranger = await createTestCaller("full");
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await server?.close();
  await executor?.stop();
  await closeTestDatabase(dataDir);
});

const mcpUrl = () => new URL(`${server.url}/v1/mcp`);

async function connect(secret: string): Promise<Client> {
  const client = new Client({ name: "tracepipe-int-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(mcpUrl(), {
    requestInit: { headers: { authorization: `Bearer ${secret}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

/** A successful call's structured result, checked against the tool's output schema by hand as well. */
async function call<N extends McpToolName>(
  client: Client,
  name: N,
  args: Record<string, unknown> = {},
): Promise<z.output<(typeof mcpToolOutputs)[N]>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  // Indexing the schema map by a generic name gives the union of every output; the parse is by this tool's.
  const parsed = mcpToolOutputs[name].parse(result.structuredContent) as z.output<(typeof mcpToolOutputs)[N]>;
  // Nothing the schema does not declare: its JSON Schema says `additionalProperties: false` to strict clients.
  expect(parsed, `${name} returns only what its outputSchema declares`).toEqual(result.structuredContent);
  return parsed;
}

async function callError(client: Client, name: McpToolName, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, `${name} should fail`).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  const [first] = result.content;
  return first?.type === "text" ? first.text : "";
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const toEvents = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

/** Records a session through the tools, as an agent recording itself would, and waits for the pipeline. */
async function recordSession(client: Client, suite: string, lines: string[], timezone?: string) {
  const session = await call(client, "create_session", {
    suite_id: suite,
    ...(timezone ? { timezone } : {}),
  });
  const events = toEvents(lines);
  const half = Math.ceil(events.length / 2);
  const first = await call(client, "append_events", {
    session_id: session.id,
    events: events.slice(0, half),
  });
  expect(first).toEqual({ accepted: half, duplicates: 0 });
  // The whole batch again: the first half are duplicates, nothing is stored twice.
  const second = await call(client, "append_events", { session_id: session.id, events });
  expect(second).toEqual({ accepted: events.length - half, duplicates: half });
  const completed = await call(client, "complete_session", { session_id: session.id });
  expect(completed.event_count).toBe(events.length);
  const detail = await until(
    () => call(client, "get_session", { session_id: session.id }),
    (s) => s.status === "completed" || s.status === "failed",
    "the session to be processed",
  );
  expect(detail.status, detail.error ?? "").toBe("completed");
  return detail;
}

describe("MCP endpoint", () => {
  it("refuses a request without a credential with 401 and points at the protected resource metadata", async () => {
    const response = await fetch(mcpUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate") ?? "";
    const metadataUrl = `${server.url}/.well-known/oauth-protected-resource/v1/mcp`;
    expect(challenge).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    const metadataResponse = await fetch(metadataUrl);
    expect(metadataResponse.headers.get("access-control-allow-origin")).toBe("*");
    const metadata = await metadataResponse.json();
    expect(metadata).toMatchObject({
      resource: `${server.url}/v1/mcp`,
      authorization_servers: [],
      bearer_methods_supported: ["header"],
    });

    const invalid = await fetch(mcpUrl(), {
      method: "POST",
      headers: {
        authorization: "Bearer tp_live_notAKeyNotAKeyNotAKeyNotAKeyNotAKey",
        "content-type": "application/json",
      },
      body: "{}",
    });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await invalid.json()).detail).toBe("The API key is invalid, revoked or expired");

    const client = new Client({ name: "anonymous", version: "1.0.0" });
    await expect(client.connect(new StreamableHTTPClientTransport(mcpUrl()))).rejects.toThrow();
  });

  it("refuses a browser Origin other than the app's own (DNS rebinding) and methods other than POST", async () => {
    const init = (origin: string) => ({
      method: "POST",
      headers: {
        authorization: `Bearer ${owner.secret}`,
        origin,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    expect((await fetch(mcpUrl(), init("http://evil.example.com"))).status).toBe(403);
    expect((await fetch(mcpUrl(), init("http://localhost:3000"))).status).toBe(200);
    const get = await fetch(mcpUrl(), { headers: { authorization: `Bearer ${owner.secret}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("initializes and lists every tool with its output schema and annotations", async () => {
    const client = await connect(owner.secret);
    expect(client.getServerVersion()?.name).toBe("tracepipe");
    expect(client.getServerCapabilities()).toMatchObject({ tools: {}, resources: {}, prompts: {} });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(mcpToolOutputs).sort());
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.inputSchema.type, tool.name).toBe("object");
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof tool.annotations?.[hint], `${tool.name}.${hint}`).toBe("boolean");
      }
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.get_session?.annotations?.readOnlyHint).toBe(true);
    expect(byName.decide_review_item?.annotations?.destructiveHint).toBe(true);
    expect(byName.create_session?.annotations?.idempotentHint).toBe(false);
    expect(byName.create_example?.inputSchema.properties).toHaveProperty("session_id");
    const templates = await client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      "tracepipe://examples/{example_id}/messages",
      "tracepipe://sessions/{session_id}/artifacts/{artifact}",
    ]);
    expect(await client.ping()).toEqual({});
  });

  it("shows and lets a key call only the tools its scope allows", async () => {
    const reader = await createTestCaller("read");
    const readClient = await connect(reader.secret);
    const readTools = (await readClient.listTools()).tools.map((t) => t.name).sort();
    expect(readTools).toEqual(
      [
        "get_example",
        "get_example_messages",
        "get_session",
        "get_suite",
        "list_action_tool_maps",
        "list_review_items",
        "list_sessions",
        "list_suites",
      ].sort(),
    );
    expect(await callError(readClient, "create_session", { suite_id: "gmail" })).toMatch(
      /create_session not found/,
    );
    const ingester = await createTestCaller("ingest");
    const ingestClient = await connect(ingester.secret);
    const ingestTools = (await ingestClient.listTools()).tools.map((t) => t.name).sort();
    expect(ingestTools).toEqual(
      [
        "append_events",
        "complete_session",
        "create_session",
        "get_suite",
        "list_action_tool_maps",
        "list_suites",
      ].sort(),
    );
    expect(await callError(ingestClient, "list_sessions", {})).toMatch(/list_sessions not found/);
    // An ingest key has no resources: reading is the read scope's.
    await expect(ingestClient.listResourceTemplates()).rejects.toThrow(/Method not found/);
    const session = await call(ingestClient, "create_session", { suite_id: "gmail" });
    expect(session.status).toBe("open");
  });

  it("reads the catalog", async () => {
    const client = await connect(owner.secret);
    const suites = await call(client, "list_suites");
    expect(suites.data.map((s) => s.slug)).toEqual(
      expect.arrayContaining(["gmail", "github", "google-calendar"]),
    );
    const gmail = await call(client, "get_suite", { suite_id: "gmail" });
    expect(gmail.actions.find((a) => a.slug === "compose_email")?.parameters.length).toBeGreaterThan(0);
    const maps = await call(client, "list_action_tool_maps");
    expect(maps.data.some((m) => m.suite_id === gmail.id)).toBe(true);
    expect(await callError(client, "get_suite", { suite_id: "no-such-suite" })).toBe(
      "Suite 'no-such-suite' not found",
    );
  });

  it("records a session, requests an example and reads its messages (done when)", async () => {
    const client = await connect(owner.secret);
    expect((await client.listTools()).tools.length).toBe(13);
    const session = await recordSession(client, "gmail", gmailRecordingLines({ emails: 2 }));
    expect(session.action_count).toBeGreaterThan(0);
    expect(session.timezone).toBe("Europe/Berlin");
    expect(session.metrics).not.toBeNull();

    const requested = await call(client, "create_example", { session_id: session.id });
    expect(requested.status).toBe("pending");
    const example = await until(
      () => call(client, "get_example", { example_id: requested.id }),
      (e) => e.status === "completed" || e.status === "failed",
      "the example",
    );
    expect(example.status, example.error ?? "").toBe("completed");
    const page = await call(client, "get_example_messages", { example_id: example.id, limit: 1 });
    expect(page.records).toHaveLength(1);
    expect(JSON.stringify(page.records[0])).toContain("send");
    expect(page.next_offset).toBe(1);
    const rest = await call(client, "get_example_messages", {
      example_id: example.id,
      offset: 1,
      limit: 100,
    });
    expect(1 + rest.records.length).toBe(example.record_count);
    expect(rest.next_offset).toBeNull();

    const uri = `tracepipe://examples/${example.id}/messages`;
    const resource = await client.readResource({ uri });
    const [content] = resource.contents;
    expect(content?.mimeType).toBe("application/x-ndjson");
    const lines = String(content && "text" in content ? content.text : "")
      .trim()
      .split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual([...page.records, ...rest.records]);
    expect((await client.listResources()).resources.map((r) => r.uri)).toContain(uri);

    const actions = await client.readResource({
      uri: `tracepipe://sessions/${session.id}/artifacts/gold-actions.jsonl`,
    });
    const actionText = String(
      actions.contents[0] && "text" in actions.contents[0] ? actions.contents[0].text : "",
    );
    expect(actionText.trim().split("\n")).toHaveLength(session.action_count);
    const completion = await client.complete({
      ref: { type: "ref/resource", uri: "tracepipe://sessions/{session_id}/artifacts/{artifact}" },
      argument: { name: "artifact", value: "gold" },
    });
    expect(completion.completion.values).toEqual(["gold-windows.jsonl", "gold-actions.jsonl"]);
  });

  it("pages sessions with a cursor", async () => {
    const pager = await createTestCaller("full");
    const client = await connect(pager.secret);
    const created: string[] = [];
    for (let i = 0; i < 3; i++)
      created.push((await call(client, "create_session", { suite_id: "github" })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(client, "list_sessions", { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((s) => s.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    expect(await callError(client, "list_sessions", { limit: 500 })).toMatch(/limit/);
  });

  it("settles review items through the tools, audited like the REST decision", async () => {
    const client = await connect(owner.secret);
    const session = await recordSession(
      client,
      "google-calendar",
      calendarEditorRecordingLines({ timezone: "America/New_York" }),
    );
    const pending = await call(client, "list_review_items", { session_id: session.id });
    const [item] = pending.data;
    expect(item?.reasons).toContain("missing_required_argument");
    if (!item) throw new Error("no review item");
    const invalid = await callError(client, "decide_review_item", {
      review_item_id: item.id,
      decision: "accept",
      arguments: { ...item.proposed_arguments, summary: 42 },
    });
    expect(invalid).toMatch(/^The arguments do not satisfy .*arguments\.summary/);
    const decided = await call(client, "decide_review_item", {
      review_item_id: item.id,
      decision: "accept",
      arguments: { ...item.proposed_arguments, summary: "Design review" },
    });
    expect(decided.status).toBe("accepted");
    expect(
      await callError(client, "decide_review_item", { review_item_id: item.id, decision: "reject" }),
    ).toMatch(/already/);
    const audit = await listAuditEntries(await getDb(), {
      workspaceId: owner.user.id,
      type: "review_item.accepted",
      limit: 10,
    });
    expect(audit).toHaveLength(1);
  });

  it("answers another account's ids with a tool error, never its data", async () => {
    const client = await connect(owner.secret);
    const session = await call(client, "create_session", { suite_id: "gmail" });
    const other = await connect(stranger.secret);
    const event = toEvents(gmailRecordingLines({ emails: 1 })).slice(0, 1);
    expect(await callError(other, "get_session", { session_id: session.id })).toBe("Session not found");
    expect(await callError(other, "append_events", { session_id: session.id, events: event })).toBe(
      "Session not found",
    );
    expect(await callError(other, "complete_session", { session_id: session.id })).toBe("Session not found");
    expect(await callError(other, "create_example", { session_id: session.id })).toMatch(
      /not found|another account/,
    );
    const owned = (await call(client, "list_sessions", { limit: 200 })).data.map((s) => s.id);
    const theirs = (await call(other, "list_sessions", { limit: 200 })).data.map((s) => s.id);
    expect(owned).toContain(session.id);
    expect(theirs).not.toContain(session.id);

    const [example] = (await call(client, "list_review_items", { status: "accepted" })).data;
    expect(example).toBeDefined();
    if (example) {
      expect(
        await callError(other, "decide_review_item", { review_item_id: example.id, decision: "reject" }),
      ).toMatch(/not found|another account/);
    }
    const unknown = crypto.randomUUID();
    expect(await callError(other, "get_example", { example_id: unknown })).toBe("Example not found");
    expect(await callError(other, "get_example_messages", { example_id: unknown })).toBe("Example not found");
    await expect(
      other.readResource({ uri: `tracepipe://sessions/${session.id}/artifacts/bronze.jsonl` }),
    ).rejects.toThrow(/Object not found/);
    await expect(other.readResource({ uri: `tracepipe://examples/${unknown}/messages` })).rejects.toThrow(
      /Example not found/,
    );
    expect(await callError(other, "get_session", { session_id: "not-a-uuid" })).toMatch(/session_id/);
  });
});
