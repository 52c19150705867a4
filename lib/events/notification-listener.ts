import type { Client as PgClient } from "pg";
import { listenOnEmbeddedDatabase } from "@/db/client";
import { type DatabaseMode, getDatabaseMode, getEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";

export interface NotificationHandlers {
  onNotify: (payload: string) => void;
  /** Called after the listening connection came back: notifications sent meanwhile are lost, so re-read. */
  onReconnect: () => void;
}

/** One `LISTEN` for the whole process, however many streams it fans out to. */
export interface NotificationListener {
  close(): Promise<void>;
}

const log = childLogger("listen");
const reconnectDelaysMs = [250, 1000, 3000, 10_000];

/**
 * Where a server process listens. A pooler (Neon's `-pooler` host, PgBouncer in transaction mode) cannot hold a
 * LISTEN, and Neon's HTTP driver has no session at all, so the listener always takes a direct connection:
 * `DATABASE_LISTEN_URL`, else `DATABASE_URL` with Neon's pooler host made direct. On Vercel this is a TCP
 * connection from the function instance that serves the streams (Fluid compute keeps it across requests).
 */
export function listenConnectionString(env = getEnv()): string {
  if (env.DATABASE_LISTEN_URL) return env.DATABASE_LISTEN_URL;
  if (!env.DATABASE_URL) throw new Error("No DATABASE_URL to listen on");
  const url = new URL(env.DATABASE_URL);
  url.hostname = url.hostname.replace(/-pooler(?=\.)/, "");
  return url.toString();
}

/** A dedicated `pg` client that LISTENs, and reconnects (then calls `onReconnect`) when the connection drops. */
function listenWithPg(channel: string, handlers: NotificationHandlers): Promise<NotificationListener> {
  let client: PgClient | undefined;
  let isClosed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const { Client } = await import("pg");
    const next = new Client({ connectionString: listenConnectionString() });
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? "");
    });
    const lost = (error?: Error) => {
      if (client !== next || isClosed) return;
      client = undefined;
      log.warn({ err: error }, "listening connection lost; reconnecting");
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on("error", lost);
    next.on("end", () => lost());
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    if (isClosed) {
      await next.end();
      return;
    }
    client = next;
    attempt = 0;
    if (isReconnect) handlers.onReconnect();
  };

  const scheduleReconnect = () => {
    const delay = reconnectDelaysMs[Math.min(attempt++, reconnectDelaysMs.length - 1)];
    retryTimer = setTimeout(() => {
      connect(true).catch((error: unknown) => {
        log.warn({ err: error }, "could not listen; retrying");
        scheduleReconnect();
      });
    }, delay);
    retryTimer.unref();
  };

  return connect(false).then(() => ({
    close: async () => {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end();
      client = undefined;
    },
  }));
}

/** The embedded database listens in-process; if its thread dies, listen again once it is reopened. */
async function listenEmbedded(
  channel: string,
  handlers: NotificationHandlers,
): Promise<NotificationListener> {
  let isClosed = false;
  let unlisten: (() => Promise<void>) | undefined;
  const start = async (isReconnect: boolean): Promise<void> => {
    unlisten = await listenOnEmbeddedDatabase(channel, handlers.onNotify, () => {
      if (isClosed) return;
      unlisten = undefined;
      setTimeout(() => {
        start(true).catch((error: unknown) => log.error({ err: error }, "could not listen again"));
      }, reconnectDelaysMs[0]).unref();
    });
    if (isReconnect) handlers.onReconnect();
  };
  await start(false);
  return {
    close: async () => {
      isClosed = true;
      await unlisten?.().catch(() => undefined);
    },
  };
}

export function listenForNotifications(
  channel: string,
  handlers: NotificationHandlers,
  mode: DatabaseMode = getDatabaseMode(),
): Promise<NotificationListener> {
  return mode === "pglite" ? listenEmbedded(channel, handlers) : listenWithPg(channel, handlers);
}
