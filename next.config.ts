import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers, the in-process Postgres (WASM) and the logger stay plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws", "pino", "inngest"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
