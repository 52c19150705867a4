import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local reverse proxy for the MCP conformance suite, which cannot send an `Authorization` header: it forwards
 * every request to the app unchanged (Host and Origin included, so the DNS rebinding scenario reaches the app's
 * own check) and adds `Authorization: Bearer <test key>`. Tests only; never in front of a real deployment.
 *
 *   TRACEPIPE_URL=http://127.0.0.1:3000 TRACEPIPE_API_KEY=tp_live_… npx tsx scripts/mcp/conformance-auth-proxy.ts
 */
export async function startConformanceAuthProxy(options: {
  target: string;
  apiKey: string;
  port?: number;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(options.target);
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, authorization: `Bearer ${options.apiKey}` },
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.env.TRACEPIPE_URL ?? "http://127.0.0.1:3000";
  const apiKey = process.env.TRACEPIPE_API_KEY;
  if (!apiKey) {
    console.error("Set TRACEPIPE_API_KEY to the key the proxy adds");
    process.exit(2);
  }
  const proxy = await startConformanceAuthProxy({ target, apiKey, port: Number(process.env.PORT ?? 0) });
  console.log(`${proxy.url}/v1/mcp → ${target}/v1/mcp`);
}
