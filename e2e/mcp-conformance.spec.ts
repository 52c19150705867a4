import { spawn } from "node:child_process";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { startConformanceAuthProxy } from "../scripts/mcp/conformance-auth-proxy";

const seedKey = process.env.E2E_SEED_API_KEY ?? "tp_live_e2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2eE2e";
const root = path.resolve(import.meta.dirname, "..");

/** A full-scope key of its own, so the suite's burst of requests has its own rate-limit bucket. */
async function createKey(baseURL: string, name: string, scope: string): Promise<string> {
  const response = await fetch(`${baseURL}/v1/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${seedKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name, scope }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { secret: string }).secret;
}

function runConformance(url: string): Promise<{ code: number | null; output: string }> {
  const cli = path.join(root, "node_modules/@modelcontextprotocol/conformance/dist/index.js");
  const child = spawn(
    process.execPath,
    [
      cli,
      "server",
      "--url",
      url,
      "--expected-failures",
      path.join(root, "e2e/mcp-conformance-baseline.yml"),
      "--output-dir",
      path.join(root, "test-results/mcp-conformance"),
    ],
    { cwd: root },
  );
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

test("the MCP conformance suite passes every scenario outside its fixture baseline", async ({ baseURL }) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("baseURL is not set");
  const proxy = await startConformanceAuthProxy({
    target: baseURL,
    apiKey: await createKey(baseURL, "MCP conformance", "full"),
  });
  try {
    const { code, output } = await runConformance(`${proxy.url}/v1/mcp`);
    const summary = output.slice(output.indexOf("=== SUMMARY ==="));
    console.log(summary);
    expect(code, summary).toBe(0);
    for (const scenario of [
      "server-initialize",
      "ping",
      "logging-set-level",
      "tools-list",
      "resources-list",
      "prompts-list",
      "dns-rebinding-protection",
    ]) {
      expect(summary, scenario).toMatch(new RegExp(`✓ ${scenario}: [1-9]\\d* passed, 0 failed`));
    }
  } finally {
    await proxy.close();
  }
});

test("an agent with a read key lists only read tools from the built app", async ({ baseURL }) => {
  if (!baseURL) throw new Error("baseURL is not set");
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseURL}/v1/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${await createKey(baseURL, "MCP read", "read")}` } },
    }),
  );
  try {
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain("get_session");
    expect(names).not.toContain("create_session");
    expect(names).not.toContain("decide_review_item");
  } finally {
    await client.close();
  }
});
