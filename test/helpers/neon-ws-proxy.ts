import type { AddressInfo } from "node:net";
import net from "node:net";
import { createWebSocketStream, WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP proxy in the manner of Neon's `wsproxy` (github.com/neondatabase/wsproxy), which Neon
 * documents for running `@neondatabase/serverless` against an ordinary Postgres: the driver opens
 * `ws://<proxy>/v1?address=<host>:<port>` and exchanges raw Postgres protocol bytes in binary frames, which
 * the proxy pipes to and from a TCP connection to `address`.
 *
 * Test and local-development tool only. It listens on 127.0.0.1 and only forwards to the addresses in
 * `allowedTargets` (an open proxy would let any local process reach any host through it).
 */
export interface NeonWsProxy {
  /** The NEON_WS_PROXY value, e.g. `ws://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** TCP connections opened to Postgres so far (a test can prove traffic went through the proxy). */
  connections(): number;
  close(): Promise<void>;
}

export async function startNeonWsProxy(options: { allowedTargets: string[] }): Promise<NeonWsProxy> {
  const allowed = new Set(options.allowedTargets);
  let connections = 0;
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, path: "/v1" });

  server.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "http://proxy").searchParams.get("address") ?? "";
    const match = /^(.+):(\d+)$/.exec(address);
    if (!match || !allowed.has(address)) {
      socket.close(1008, "address not allowed");
      return;
    }
    connections++;
    const tcp = net.connect({ host: match[1], port: Number(match[2]) });
    tcp.setNoDelay(true);
    // The stream wrapper gives both directions backpressure: a slow Postgres pauses reading from the client.
    const ws = createWebSocketStream(socket);
    ws.pipe(tcp).pipe(ws);
    const teardown = () => {
      tcp.destroy();
      ws.destroy();
    };
    tcp.on("error", teardown);
    ws.on("error", teardown);
    tcp.on("close", teardown);
    ws.on("close", teardown);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
