import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

const appDir = path.join(import.meta.dirname, "../../app/v1");

/**
 * Internal routes, deliberately left out of the public document: the benchmark baselines (404 unless the server
 * runs with TRACEPIPE_BENCH_ROUTES=1).
 */
const INTERNAL_PREFIXES = ["/v1/bench/"];
const isInternal = (routePath: string) => INTERNAL_PREFIXES.some((prefix) => routePath.startsWith(prefix));

/** Every app/v1/**\/route.ts with the HTTP methods it exports (read-only 405 stubs are exported by destructuring). */
function listRoutes(): { path: string; method: string }[] {
  const out: { path: string; method: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const routePath = `/v1/${path.relative(appDir, dir)}`
          .replace(/\/$/, "")
          .replace(/\[([^\]]+)\]/g, "{$1}");
        for (const match of source.matchAll(
          /export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          out.push({ path: routePath, method: (match[1] as string).toLowerCase() });
        }
      }
    }
  };
  walk(appDir);
  return out;
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 with both auth schemes and the canonical event model", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes).toMatchObject({
      apiKey: { type: "http", scheme: "bearer" },
      apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
      entraToken: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
    });
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(["CanonicalEvent", "NativeEvent", "IngestEvent", "Session", "Problem"]),
    );
  });

  it("documents every public route and method under app/v1", () => {
    const routes = listRoutes().filter((r) => !isInternal(r.path));
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter(
      (r) => !(document.paths?.[r.path] as Record<string, unknown> | undefined)?.[r.method],
    );
    expect(missing).toEqual([]);
  });

  it("lists no internal route", () => {
    expect(listRoutes().some((r) => isInternal(r.path))).toBe(true);
    expect(Object.keys(document.paths ?? {}).filter(isInternal)).toEqual([]);
  });

  it("has no documented operation without a route", () => {
    const routes = new Set(listRoutes().map((r) => `${r.method} ${r.path}`));
    const documented = Object.entries(document.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item as object)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map((m) => `${m} ${p}`),
    );
    expect(documented.filter((op) => !routes.has(op))).toEqual([]);
  });

  it("describes the streaming ingest responses from the handler's schemas", () => {
    const item = document.paths?.["/v1/sessions/{id}/events"] as
      | { post?: { responses?: object } }
      | undefined;
    expect(Object.keys(item?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["202", "207", "409", "413", "429"]),
    );
  });
});
