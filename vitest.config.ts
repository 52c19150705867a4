import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// Three tiers: `*.test.ts` pure logic, `*.int.test.ts` against a real Postgres (PGlite by default, the server in
// DATABASE_URL when set), `*.edge.test.ts` in the edge-runtime sandbox. Playwright specs live in e2e/.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,db,schemas,inngest,app,components,scripts,test}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "**/*.edge.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          environment: "node",
          // next-auth's ESM imports `next/server` without an extension, which only bundlers resolve: let Vite do it.
          server: { deps: { inline: ["next-auth"] } },
          include: ["{lib,db,schemas,inngest,app,e2e,scripts,test}/**/*.int.test.ts"],
          // Files share one Postgres server when DATABASE_URL is set, so they run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "edge",
          environment: "edge-runtime",
          include: ["{lib,app,test}/**/*.edge.test.ts"],
        },
      },
    ],
  },
});
