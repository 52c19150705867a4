import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startBenchServer } from "./bench-server";

/**
 * What the stateless MCP endpoint costs per call against the built app: each POST authenticates, rate-limits and
 * builds a server for its caller. Compares `tools/call get_session` (SDK client) with the REST `GET
 * /v1/sessions/{id}` it wraps, and `tools/list`, sequentially on one connection, after a warm-up. Rate limits
 * are off so the bench measures the endpoint, not the bucket.
 *
 *   npm run build && npx tsx scripts/bench/mcp-bench.ts      (MCP_BENCH_CALLS, default 300; BENCH_SIZE=reduced: 100)
 */
const calls = Number(process.env.MCP_BENCH_CALLS ?? (process.env.BENCH_SIZE === "reduced" ? 100 : 300));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function measure(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const fmt = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(40)} p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  p99 ${fmt(percentile(times, 99))} ms  ${((calls / total) * 1000).toFixed(0).padStart(5)} calls/s`,
  );
}

const server = await startBenchServer({ env: { RATE_LIMIT_KEY_RPS: "0", RATE_LIMIT_USER_RPS: "0" } });
try {
  const auth = { authorization: `Bearer ${server.seedKey}` };
  const created = await fetch(`${server.baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ suite_id: "gmail" }),
  });
  const { id } = (await created.json()) as { id: string };
  const client = new Client({ name: "mcp-bench", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.baseUrl}/v1/mcp`), {
      requestInit: { headers: auth },
    }),
  );
  console.log(`${calls} sequential calls each, built app on PGlite`);
  await measure("REST GET /v1/sessions/{id}", async () => {
    const response = await fetch(`${server.baseUrl}/v1/sessions/${id}`, { headers: auth });
    if (response.status !== 200) throw new Error(`REST ${response.status}`);
    await response.arrayBuffer();
  });
  await measure("MCP tools/call get_session", async () => {
    const result = await client.callTool({ name: "get_session", arguments: { session_id: id } });
    if (result.isError) throw new Error(JSON.stringify(result.content));
  });
  await measure("MCP tools/list (13 tools), SDK client", () => client.listTools());
  // The same request without the client's work (it parses the list and compiles a validator per output schema).
  await measure("MCP tools/list, raw POST", async () => {
    const response = await fetch(`${server.baseUrl}/v1/mcp`, {
      method: "POST",
      headers: {
        ...auth,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2025-11-25",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    if (response.status !== 200) throw new Error(`tools/list ${response.status}`);
    await response.arrayBuffer();
  });
  await client.close();
} finally {
  await server.stop();
}
