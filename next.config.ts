import type { NextConfig } from "next";
import { getEnv } from "./lib/env";
import { baseSecurityHeaders } from "./lib/web/security-headers";

const nextConfig: NextConfig = {
  // Database drivers, the in-process Postgres (WASM) and the logger stay plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws", "pino", "inngest"],
  poweredByHeader: false,
  typedRoutes: false,
  // Every response, API included; pages add their nonce-based CSP in proxy.ts. HSTS is sent by production builds
  // only (browsers ignore it over plain http, so a local `next start` is unaffected).
  async headers() {
    const headers = baseSecurityHeaders({ includeHsts: getEnv().NODE_ENV === "production" });
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
