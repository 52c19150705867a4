import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as mcpMetadata from "@/app/.well-known/oauth-protected-resource/v1/mcp/route";
import * as apiKeys from "@/app/v1/api-keys/route";
import * as exampleMessages from "@/app/v1/examples/[id]/messages/route";
import * as exampleById from "@/app/v1/examples/[id]/route";
import * as examples from "@/app/v1/examples/route";
import * as mcp from "@/app/v1/mcp/route";
import * as sessionComplete from "@/app/v1/sessions/[id]/complete/route";
import * as sessionEvents from "@/app/v1/sessions/[id]/events/route";
import * as sessionById from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import type { RouteHandler } from "@/test/helpers/call-route";

/**
 * The app's real route handlers behind a real HTTP server (tests only), so the CLI is tested over the wire as
 * customers use it. `fault` may answer a request itself (a throttle, a 5xx) or drop the connection after the
 * handler has run, as a lost acknowledgement would.
 */
export type Fault = { respond: { status: number; headers?: Record<string, string> } } | "drop-after-handling";

type Route = { method: string; pattern: RegExp; handler: RouteHandler; params: string[] };
const routes: Route[] = [
  { method: "GET", pattern: /^\/v1\/sessions$/, handler: sessions.GET, params: [] },
  { method: "POST", pattern: /^\/v1\/sessions$/, handler: sessions.POST, params: [] },
  { method: "GET", pattern: /^\/v1\/sessions\/([^/]+)$/, handler: sessionById.GET, params: ["id"] },
  {
    method: "POST",
    pattern: /^\/v1\/sessions\/([^/]+)\/events$/,
    handler: sessionEvents.POST,
    params: ["id"],
  },
  {
    method: "POST",
    pattern: /^\/v1\/sessions\/([^/]+)\/complete$/,
    handler: sessionComplete.POST,
    params: ["id"],
  },
  { method: "GET", pattern: /^\/v1\/examples$/, handler: examples.GET, params: [] },
  { method: "POST", pattern: /^\/v1\/examples$/, handler: examples.POST, params: [] },
  { method: "GET", pattern: /^\/v1\/examples\/([^/]+)$/, handler: exampleById.GET, params: ["id"] },
  {
    method: "GET",
    pattern: /^\/v1\/examples\/([^/]+)\/messages$/,
    handler: exampleMessages.GET,
    params: ["id"],
  },
  { method: "POST", pattern: /^\/v1\/api-keys$/, handler: apiKeys.POST, params: [] },
  { method: "POST", pattern: /^\/v1\/mcp$/, handler: mcp.POST, params: [] },
  { method: "GET", pattern: /^\/v1\/mcp$/, handler: mcp.GET, params: [] },
  { method: "DELETE", pattern: /^\/v1\/mcp$/, handler: mcp.DELETE, params: [] },
  {
    method: "GET",
    pattern: /^\/\.well-known\/oauth-protected-resource\/v1\/mcp$/,
    handler: mcpMetadata.GET,
    params: [],
  },
];

export interface ApiTestServer {
  url: string;
  /** Every request seen, in order: method, path, idempotency key, and the status it got. */
  log: { method: string; path: string; idempotencyKey?: string; status: number | "dropped" }[];
  setFault: (pick: (req: { method: string; path: string; nth: number }) => Fault | undefined) => void;
  close: () => Promise<void>;
}

export async function startApiTestServer(): Promise<ApiTestServer> {
  const log: ApiTestServer["log"] = [];
  const counts = new Map<string, number>();
  let pickFault: Parameters<ApiTestServer["setFault"]>[0] = () => undefined;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const key = `${method} ${url.pathname}`;
    const nth = (counts.get(key) ?? 0) + 1;
    counts.set(key, nth);
    const entry: ApiTestServer["log"][number] = {
      method,
      path: url.pathname,
      status: 0,
      ...(typeof req.headers["idempotency-key"] === "string"
        ? { idempotencyKey: req.headers["idempotency-key"] }
        : {}),
    };
    log.push(entry);
    const fault = pickFault({ method, path: url.pathname, nth });
    if (fault && fault !== "drop-after-handling") {
      req.resume();
      entry.status = fault.respond.status;
      res.writeHead(fault.respond.status, {
        "content-type": "application/problem+json",
        ...fault.respond.headers,
      });
      res.end(JSON.stringify({ title: "Injected fault", status: fault.respond.status }));
      return;
    }
    const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      entry.status = 404;
      res.writeHead(404).end();
      return;
    }
    const match = url.pathname.match(route.pattern) ?? [];
    const params = Object.fromEntries(
      route.params.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]),
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new Request(`http://127.0.0.1${url.pathname}${url.search}`, {
      method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
    } as RequestInit);
    const response = await route.handler(request, { params: Promise.resolve(params) });
    if (fault === "drop-after-handling") {
      await response.body?.cancel();
      entry.status = "dropped";
      res.socket?.destroy();
      return;
    }
    entry.status = response.status;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) for await (const chunk of Readable.fromWeb(response.body as never)) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    setFault: (pick) => {
      pickFault = pick;
      counts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
