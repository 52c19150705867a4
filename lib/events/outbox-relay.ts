import type { Database } from "@/db/client";
import {
  claimUnsentOutboxEvents,
  deleteOutboxEventsSentBefore,
  markOutboxEventsSent,
  type OutboxEventRow,
  recordOutboxRelayFailure,
} from "@/db/queries/outbox-events";
import { type BackoffOptions, retryDelayMs } from "@/lib/jobs/retry-backoff";
import { childLogger } from "@/lib/logger";
import { registerOutboxRelay, unregisterOutboxRelay } from "./outbox-relay-registry";

export interface RelayedEvent {
  /** The outbox row id, sent as the event id so a second hand-over of the same row is deduplicated. */
  id: string;
  name: string;
  data: Record<string, unknown>;
}

/**
 * Where events go: Inngest's event API, or the embedded executor's run queue. `markSent` must be called with
 * the handle that makes the hand-over durable — inside the same transaction when the receiver is this database
 * (then a crash can neither lose nor repeat the hand-over), right after the send otherwise (then a crash in
 * between sends the row again, and the receiver drops it by its id).
 */
export type OutboxDelivery = (
  events: RelayedEvent[],
  markSent: (db: Database) => Promise<void>,
) => Promise<void>;

export interface OutboxRelayOptions {
  /** How often to look for rows no nudge announced: written by another process, or left by a crash. */
  intervalMs?: number;
  /** How long a claimed batch stays this relay's before another may take it. */
  leaseMs?: number;
  batchSize?: number;
  backoff?: BackoffOptions;
  /** Sent rows are deleted after this long. */
  keepSentMs?: number;
}

const pruneEveryMs = 60 * 60_000;

/**
 * The one path from the outbox to the job system. Relays at start, when nudged after a commit in this process,
 * and on a timer; one pass at a time, and a nudge during a pass runs another right after it.
 */
export class OutboxRelay {
  private readonly options: Required<OutboxRelayOptions>;
  private readonly log = childLogger("outbox");
  private readonly handle = { nudge: () => this.nudge() };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private isRerunWanted = false;
  private isStopped = true;
  private lastPruneAt = 0;

  constructor(
    private readonly db: Database,
    private readonly deliver: OutboxDelivery,
    options: OutboxRelayOptions = {},
  ) {
    this.options = {
      intervalMs: options.intervalMs ?? 2000,
      leaseMs: options.leaseMs ?? 30_000,
      batchSize: options.batchSize ?? 100,
      backoff: options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 },
      keepSentMs: options.keepSentMs ?? 7 * 24 * 60 * 60_000,
    };
  }

  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    registerOutboxRelay(this.handle);
    this.timer = setInterval(() => this.nudge(), this.options.intervalMs);
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    unregisterOutboxRelay(this.handle);
    clearInterval(this.timer);
    await this.running;
  }

  nudge(): void {
    if (this.isStopped) return;
    if (this.running) {
      this.isRerunWanted = true;
      return;
    }
    this.running = this.relayPending()
      .then(() => this.prune())
      .catch((error: unknown) => this.log.error({ err: error }, "outbox relay pass failed"))
      .finally(() => {
        this.running = undefined;
        if (this.isRerunWanted) {
          this.isRerunWanted = false;
          this.nudge();
        }
      });
  }

  /** Relays every due row; returns how many were handed over. */
  async relayPending(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await claimUnsentOutboxEvents(this.db, {
        limit: this.options.batchSize,
        leaseMs: this.options.leaseMs,
      });
      if (batch.length === 0) return relayed;
      if (await this.relayBatch(batch)) relayed += batch.length;
      if (batch.length < this.options.batchSize) return relayed;
    }
  }

  private async relayBatch(batch: OutboxEventRow[]): Promise<boolean> {
    const ids = batch.map((row) => row.id);
    try {
      await this.deliver(
        batch.map((row) => ({ id: row.id, name: row.name, data: row.data })),
        (db) => markOutboxEventsSent(db, ids),
      );
      this.log.debug({ count: batch.length }, "relayed outbox events");
      return true;
    } catch (error) {
      const attempts = Math.max(...batch.map((row) => row.attempts));
      const retryAfterMs = retryDelayMs(attempts, this.options.backoff);
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn({ err: error, count: batch.length, retryAfterMs }, "could not relay outbox events");
      await recordOutboxRelayFailure(this.db, { ids, error: message, retryAfterMs });
      return false;
    }
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPruneAt < pruneEveryMs) return;
    this.lastPruneAt = Date.now();
    const deleted = await deleteOutboxEventsSentBefore(
      this.db,
      new Date(Date.now() - this.options.keepSentMs),
    );
    if (deleted > 0) this.log.info({ deleted }, "deleted relayed outbox events");
  }
}
