import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test } from "@playwright/test";
import { gmailRecordingLines } from "../test/helpers/gmail-recording";
import { screenshot, signUp } from "./signed-in-user";

type Structured = Record<string, unknown>;

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Structured> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent ?? {};
}

async function until(read: () => Promise<Structured>, done: (value: Structured) => boolean) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("timed out");
}

test("Connect an agent: a key made on the page drives the MCP server from record to example", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Agent Builder");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Connect an agent" })).toBeVisible();
  const mcpUrl = `${baseURL}/v1/mcp`;
  await expect(page.getByLabel("MCP endpoint URL")).toHaveValue(mcpUrl);
  await expect(page.getByTestId("agent-config-cursor")).toContainText("<your API key>");

  await page.getByLabel("What may the agent do?").selectOption("full");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("agent-api-key").inputValue();
  expect(key).toMatch(/^tp_live_/);
  await expect(page.getByTestId("agent-config-claude-code")).toHaveText(
    `claude mcp add --transport http tracepipe ${mcpUrl} --header "Authorization: Bearer ${key}"`,
  );
  await expect(page.getByTestId("agent-config-cursor")).toContainText(`"Authorization": "Bearer ${key}"`);
  await expect(page.getByTestId("agent-config-vscode")).toContainText('"type": "http"');
  await expect(page.getByTestId("agent-config-claude-desktop")).toContainText("mcp-remote");
  await screenshot(page, "connect-agent");

  // The SDK's client with that key, against the built app: list, record, process, request, read.
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcpUrl), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  let recordedId = "";
  try {
    expect((await client.listTools()).tools).toHaveLength(13);
    const session = await call(client, "create_session", { suite_id: "gmail", timezone: "Europe/Berlin" });
    const events = gmailRecordingLines({ emails: 1 }).map((line) => JSON.parse(line));
    expect(await call(client, "append_events", { session_id: session.id, events })).toEqual({
      accepted: events.length,
      duplicates: 0,
    });
    await call(client, "complete_session", { session_id: session.id });
    recordedId = String(session.id);
    const processed = await until(
      () => call(client, "get_session", { session_id: session.id }),
      (s) => s.status === "completed" || s.status === "failed",
    );
    expect(processed).toMatchObject({ status: "completed", timezone: "Europe/Berlin" });
    const requested = await call(client, "create_example", { session_id: session.id });
    const example = await until(
      () => call(client, "get_example", { example_id: requested.id }),
      (e) => e.status === "completed" || e.status === "failed",
    );
    expect(example.status).toBe("completed");
    const page1 = await call(client, "get_example_messages", { example_id: example.id });
    expect((page1.records as unknown[]).length).toBe(example.record_count);
  } finally {
    await client.close();
  }

  // The session the agent recorded is the user's, with its page like any other.
  await page.goto(`/sessions/${recordedId}`);
  await expect(page.getByText("Europe/Berlin").first()).toBeVisible();
});
