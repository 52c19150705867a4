import { afterAll, beforeAll } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { resetEnvCache } from "@/lib/env";
import { type NeonWsProxy, startNeonWsProxy } from "./neon-ws-proxy";

/**
 * For a test file's suite: the app's database opened with the production Neon driver (`@neondatabase/serverless`
 * over WebSockets) against the Postgres in `databaseUrl`, through a local WebSocket-to-TCP proxy, the way Neon
 * documents local development; migrated and seeded like any test database. Returns the running proxy.
 */
export function useNeonTestDatabase(databaseUrl: string | undefined): () => NeonWsProxy {
  let proxy: NeonWsProxy | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    const target = new URL(databaseUrl ?? "");
    proxy = await startNeonWsProxy({ allowedTargets: [`${target.hostname}:${target.port || "5432"}`] });
    process.env.DATABASE_DRIVER = "neon";
    process.env.NEON_WS_PROXY = proxy.url;
    resetEnvCache();
    ({ dataDir } = await openTestDatabase());
  });

  afterAll(async () => {
    await closeTestDatabase(dataDir);
    delete process.env.DATABASE_DRIVER;
    delete process.env.NEON_WS_PROXY;
    resetEnvCache();
    await proxy?.close();
  });

  return () => {
    if (!proxy) throw new Error("the Neon test database is not open yet");
    return proxy;
  };
}
