import path from "node:path";
import { Worker } from "node:worker_threads";

/** What Drizzle's PGlite driver calls on its client; results are PGlite's own `Results`. */
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number | string, (value: string, typeId?: number) => unknown>;
}
interface Results {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}
export interface PGliteThreadClient {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
  exec(sql: string): Promise<Results[]>;
}
interface PGliteThreadTransaction extends PGliteThreadClient {
  rollback(): Promise<void>;
  readonly closed: boolean;
}

interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}
type Reply =
  | { id: number; result?: unknown; error?: SerializedError }
  | { notification: { channel: string; payload: string } };

const workerFile = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "pglite-worker.mjs");

/** A Postgres error from the worker, with the fields callers branch on (`code` 23505, `constraint`, …). */
function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, serialized.fields);
}

/**
 * Drizzle asks PGlite to keep dates, timestamps and intervals as text with identity parsers. Functions cannot cross
 * the thread boundary, so they travel as the list of type ids to leave raw; any other parser is refused loudly.
 */
function rawTypesOf(parsers: QueryOptions["parsers"]): number[] {
  const probe = "a probe, 2026-01-01 00:00:00";
  return Object.entries(parsers ?? {}).map(([oid, parse]) => {
    if (parse(probe) !== probe)
      throw new Error(`Only identity parsers can be sent to the PGlite thread (type ${oid})`);
    return Number(oid);
  });
}

/**
 * The embedded database on a worker thread (`db/pglite-worker.mjs`), shaped like the PGlite instance Drizzle's
 * driver expects: `query`, `exec`, `transaction`. Statements queue in PGlite itself, so a statement outside a
 * transaction waits for an open transaction to end, exactly as with PGlite on the main thread.
 */
export class PGliteThread implements PGliteThreadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;
  private readonly exitListeners: ((error: Error) => void)[] = [];
  private readonly channelListeners = new Map<string, Set<(payload: string) => void>>();

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      this.fail(new Error(`The PGlite thread exited with code ${code}`));
      for (const listener of this.exitListeners) listener(this.failure as Error);
    });
    // An idle database must not keep a CLI alive; a statement in flight must.
    worker.unref();
  }

  static async open(dataDir: string): Promise<PGliteThread> {
    const worker = new Worker(workerFile, { workerData: { dataDir } });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (message: { ready: boolean; error?: SerializedError }) =>
        message.ready ? resolve() : reject(reviveError(message.error as SerializedError)),
      );
      worker.once("error", reject);
    });
    return new PGliteThread(worker);
  }

  private settle(reply: Reply) {
    if ("notification" in reply) {
      const { channel, payload } = reply.notification;
      for (const listener of this.channelListeners.get(channel) ?? []) listener(payload);
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error) waiting.reject(reviveError(reply.error));
    else waiting.resolve(reply.result);
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  private async queryIn(
    txId: number | undefined,
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
  ) {
    return this.call<Results>({
      op: "query",
      txId,
      sql,
      params,
      rowMode: options.rowMode,
      rawTypes: rawTypesOf(options.parsers),
    });
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results> {
    return this.queryIn(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.call<Results[]>({ op: "exec", sql });
  }

  /** BEGIN, the callback's statements, COMMIT; ROLLBACK when the callback throws or calls `rollback()`. */
  async transaction<T>(callback: (tx: PGliteThreadTransaction) => Promise<T>): Promise<T> {
    const txId = this.nextId++;
    await this.call({ op: "begin", txId });
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx: PGliteThreadTransaction = {
      query: (sql, params, options) => {
        ensureOpen();
        return this.queryIn(txId, sql, params, options);
      },
      exec: (sql) => {
        ensureOpen();
        return this.call<Results[]>({ op: "exec", txId, sql });
      },
      rollback: async () => {
        ensureOpen();
        closed = true;
        await this.call({ op: "rollback", txId });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      if (!closed) {
        closed = true;
        // The callback's error is the one the caller needs; a failed ROLLBACK leaves the transaction closed anyway.
        await this.call({ op: "rollback", txId }).catch(() => undefined);
      }
      throw error;
    }
    if (!closed) {
      closed = true;
      await this.call({ op: "commit", txId });
    }
    return result;
  }

  /**
   * `LISTEN channel` on the embedded database: `onNotify` gets each payload once the notifying transaction commits.
   * Returns how to stop listening.
   */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    let listeners = this.channelListeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.channelListeners.set(channel, listeners);
      await this.call({ op: "listen", channel });
    }
    listeners.add(onNotify);
    return async () => {
      listeners.delete(onNotify);
      if (listeners.size > 0 || this.failure) return;
      this.channelListeners.delete(channel);
      await this.call({ op: "unlisten", channel });
    };
  }

  /** Called once when the thread is gone (closed, crashed or terminated); every later call rejects. */
  onExit(listener: (error: Error) => void): void {
    this.exitListeners.push(listener);
  }

  /** Stops the thread at once, without closing the database cleanly (what a crash does; PGlite recovers on open). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: "close" });
    await this.worker.terminate();
  }
}
