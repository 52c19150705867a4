import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { type ApiTestServer, startApiTestServer } from "@/test/helpers/api-test-server";
import { runCli } from "./run-cli";

// `tracepipe mcp` against the app's real routes over HTTP: the key it creates is the one an agent connects with.

let dataDir: string;
let server: ApiTestServer;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  server = await startApiTestServer();
});
afterAll(async () => {
  await server?.close();
  await closeTestDatabase(dataDir);
});

async function tracepipe(args: string[], apiKey: string) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    args,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { env: { TRACEPIPE_URL: server.url, TRACEPIPE_API_KEY: apiKey } },
  );
  return { code, stdout, stderr };
}

describe("tracepipe mcp", () => {
  it("creates a key with the asked scope and prints every client's configuration with it", async () => {
    const caller = await createTestCaller("full");
    const { code, stdout } = await tracepipe(["mcp", "--scope", "read", "--name", "Claude"], caller.secret);
    expect(code).toBe(0);
    const key = stdout.match(/API key \(read scope\): (tp_live_\S+)/)?.[1];
    if (!key) throw new Error(`no key in ${stdout}`);
    expect(stdout).toContain(
      `claude mcp add --transport http tracepipe ${server.url}/v1/mcp --header "Authorization: Bearer ${key}"`,
    );
    for (const title of ["## Claude Desktop", "## Cursor", "## VS Code"]) expect(stdout).toContain(title);

    const client = new Client({ name: "printed-config", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${server.url}/v1/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    const tools = (await client.listTools()).tools.map((t) => t.name);
    await client.close();
    expect(tools).toContain("list_sessions");
    expect(tools).not.toContain("create_example");
  });

  it("cannot create a key wider than the caller's own and refuses an unknown scope", async () => {
    const reader = await createTestCaller("read");
    const wider = await tracepipe(["mcp", "--scope", "full"], reader.secret);
    expect(wider.code).toBe(1);
    expect(wider.stderr).toMatch(/HTTP 403/);
    const unknown = await tracepipe(["mcp", "--scope", "admin"], reader.secret);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--scope must be read, ingest or full");
  });
});
