import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { appDir, describeRoute, findRouteFiles, type Handler, METHODS } from "@/test/helpers/route-files";

/**
 * Every route handler under app/ must refuse a request without credentials (401), unless it is on this list.
 * Adding a public route means adding it here, in review, with the reason.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  "v1/health": "liveness probe",
  "v1/ready": "readiness probe",
  "v1/openapi.json": "the public API description",
  "v1/docs": "the API reference page",
  "v1/docs/scalar.js": "the script of the API reference page (a public npm bundle)",
  "api/auth/[...nextauth]": "Auth.js sign-in, callback, session and CSRF endpoints",
  "api/inngest": "Inngest serve endpoint; every call is verified with INNGEST_SIGNING_KEY by the SDK",
  "api/stripe/webhook": "Stripe webhooks; the Stripe-Signature HMAC over the raw body is verified by the SDK",
  ".well-known/oauth-protected-resource/v1/mcp":
    "RFC 9728 metadata of the MCP endpoint: tells a client where to get a token, so it must answer without one",
  ".well-known/jwks.json":
    "the public keys that verify deletion receipts: anyone holding a receipt checks it",
  "v1/bench/bare":
    "the ingest benchmark's bare 202 baseline; 404 unless the server runs with TRACEPIPE_BENCH_ROUTES=1",
};

const routeFiles = findRouteFiles();
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

describe("route access", () => {
  it("finds the route handlers", () => {
    const keys = routeFiles.map((file) => describeRoute(file).key);
    expect(keys).toEqual(
      expect.arrayContaining(["v1/health", "v1/users/me", "v1/api-keys", "v1/api-keys/[id]"]),
    );
  });

  it.each(routeFiles.map((file) => [path.relative(appDir, file), file]))(
    "%s refuses requests without a credential unless it is public",
    async (_name, file) => {
      const { key, urlPath, params } = describeRoute(file);
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = METHODS.filter((method) => typeof mod[method] === "function");
      expect(handlers.length).toBeGreaterThan(0);
      for (const method of handlers) {
        const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
        const request = new Request(`http://127.0.0.1${urlPath}`, {
          method,
          headers: hasBody ? { "content-type": "application/json" } : {},
          body: hasBody ? "{}" : undefined,
        });
        const response = await (mod[method] as Handler)(request, { params: Promise.resolve(params) });
        if (key in PUBLIC_ROUTES) {
          expect(response.status, `${method} ${urlPath}`).toBeLessThan(500);
        } else {
          expect(response.status, `${method} ${urlPath} answered without a credential`).toBe(401);
        }
      }
    },
  );
});
