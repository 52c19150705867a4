import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { type DatabaseMode, getDatabaseMode, getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The driver-independent Drizzle database: PGlite, node-postgres and Neon all share this interface. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

interface DatabaseHandle {
  db: Database;
  mode: DatabaseMode;
  close: () => Promise<void>;
  /** The embedded database's thread: its `LISTEN` is in-process (a server's listen on its own connection). */
  embedded?: import("./pglite-thread").PGliteThread;
}

// One handle per process. It lives on globalThis so that Next's dev-mode module reloads reuse it: a second
// PGlite instance on the same data folder would corrupt it.
const globalForDb = globalThis as typeof globalThis & { __tracepipeDb?: Promise<DatabaseHandle> };

export const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

async function openDatabase(): Promise<DatabaseHandle> {
  const env = getEnv();
  const mode = getDatabaseMode(env);
  if (mode === "pglite") {
    const { PGliteThread } = await import("./pglite-thread");
    const { drizzle } = await import("drizzle-orm/pglite");
    const dataDir = path.join(env.dataDir, "pglite");
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite runs on its own thread: its statements are synchronous WebAssembly and would otherwise stall the server.
    const client = await PGliteThread.open(dataDir);
    const handle: DatabaseHandle = {
      db: drizzle(client as never, { schema }) as unknown as Database,
      mode,
      close: () => client.close(),
      embedded: client,
    };
    // If the thread dies (a WebAssembly abort), the next caller opens the database again, as a restart would.
    client.onExit(() => {
      globalForDb.__tracepipeDb?.then(
        (current) => {
          if (current === handle) globalForDb.__tracepipeDb = undefined;
        },
        () => undefined,
      );
    });
    return handle;
  }
  if (mode === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
    if (env.NEON_WS_PROXY) {
      // Local development against a plain Postgres through a WebSocket-to-TCP proxy, as Neon documents it.
      // The driver adds the scheme itself (from useSecureWebSocket), so `ws://` / `wss://` is stripped here.
      const match = /^(wss?):\/\/(.+?)\/*$/.exec(env.NEON_WS_PROXY);
      const proxy = match ? match[2] : env.NEON_WS_PROXY.replace(/\/+$/, "");
      neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = match?.[1] === "wss";
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    return { db: drizzle(pool, { schema }) as unknown as Database, mode, close: () => pool.end() };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
  return { db: drizzle(pool, { schema }) as unknown as Database, mode, close: () => pool.end() };
}

function getHandle(): Promise<DatabaseHandle> {
  globalForDb.__tracepipeDb ??= openDatabase().catch((error) => {
    globalForDb.__tracepipeDb = undefined;
    throw error;
  });
  return globalForDb.__tracepipeDb;
}

/** The database, opened on first use (never at import, so `next build` workers never open it). */
export async function getDb(): Promise<Database> {
  return (await getHandle()).db;
}

export async function getDatabaseHandleMode(): Promise<DatabaseMode> {
  return (await getHandle()).mode;
}

/**
 * `LISTEN` on the embedded database. `onLost` is called if its thread dies (the next `getDb()` reopens it; listen
 * again then). Only in the embedded mode: on a server, listen on a dedicated connection (lib/events).
 */
export async function listenOnEmbeddedDatabase(
  channel: string,
  onNotify: (payload: string) => void,
  onLost: () => void,
): Promise<() => Promise<void>> {
  const handle = await getHandle();
  if (!handle.embedded) throw new Error(`LISTEN on the process's database needs PGlite, not ${handle.mode}`);
  handle.embedded.onExit(() => onLost());
  return handle.embedded.listen(channel, onNotify);
}

/** Closes the process's database; tests use it before switching to a fresh data folder. */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__tracepipeDb;
  globalForDb.__tracepipeDb = undefined;
  if (handle) await (await handle).close();
}
