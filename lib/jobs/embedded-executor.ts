import type { Inngest, InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { claimDueJobRuns, type JobRun, releaseAllJobRunLeases } from "@/db/queries/job-runs";
import { OutboxRelay } from "@/lib/events/outbox-relay";
import { childLogger } from "@/lib/logger";
import { CronScheduler } from "./cron-scheduler";
import { driveRun, type ServedFunction } from "./drive-run";
import { embeddedOutboxDelivery } from "./embedded-outbox-delivery";
import { enqueueEventRuns, type OutgoingEvent, servedFunctionId } from "./enqueue-event-runs";
import {
  type EmbeddedExecutorHandle,
  registerEmbeddedExecutor,
  unregisterEmbeddedExecutor,
} from "./executor-registry";
import { assertSupportedFlowControl } from "./flow-control";
import type { BackoffOptions } from "./retry-backoff";

export interface EmbeddedExecutorOptions {
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  db: Database;
  /** How often to look for due runs queued by other processes or left behind by a dead one. */
  pollIntervalMs?: number;
  /** How long a claimed run stays ours without a heartbeat; a dead worker's runs are re-driven after it. */
  leaseMs?: number;
  /** Runs driven at once. Steps run in this process, so this bounds CPU and memory use too. */
  concurrency?: number;
  backoff?: BackoffOptions;
  /** For a database only this process can open (PGlite): leases found at start belong to a dead process. */
  releaseLeasesOnStart?: boolean;
  /** How long stop() waits for in-flight requests before leaving their leases to expire. */
  stopTimeoutMs?: number;
  /** The clock cron ticks are computed with (tests set it just before a tick); run timing uses the database's. */
  now?: () => Date;
  /** How often the outbox relay looks for events no nudge announced (another process's, or a crash's). */
  outboxIntervalMs?: number;
}

/**
 * Runs Inngest functions without an Inngest server: polls `job_runs` for due runs and drives each one through
 * the SDK's own serve() handler with signed execution requests, exactly as the Inngest executor would over HTTP.
 * Cron triggers are queued by its CronScheduler at each tick, and the app's outbox events by its OutboxRelay,
 * which matches them to the functions' triggers. Functions declaring flow control it cannot honour are refused.
 */
export class EmbeddedExecutor implements EmbeddedExecutorHandle {
  private readonly client: Inngest.Any;
  private readonly functions: InngestFunction.Any[];
  private readonly db: Database;
  private readonly served = new Map<string, ServedFunction>();
  private readonly handle: (request: Request) => Promise<Response>;
  private readonly options: Required<
    Omit<EmbeddedExecutorOptions, "client" | "functions" | "db" | "now" | "outboxIntervalMs">
  >;
  private readonly cron: CronScheduler;
  private readonly relay: OutboxRelay;
  private readonly log = childLogger("jobs");
  private readonly inflight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private loopPromise: Promise<void> | undefined;
  private isStopping = false;
  private isWakePending = false;
  private wakeUp: (() => void) | undefined;

  constructor(options: EmbeddedExecutorOptions) {
    this.client = options.client;
    this.functions = options.functions;
    this.db = options.db;
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      leaseMs: options.leaseMs ?? 30_000,
      concurrency: options.concurrency ?? 4,
      backoff: options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 },
      releaseLeasesOnStart: options.releaseLeasesOnStart ?? false,
      stopTimeoutMs: options.stopTimeoutMs ?? 10_000,
    };
    for (const fn of this.functions) {
      const id = servedFunctionId(fn, this.client.id);
      assertSupportedFlowControl(fn, id);
      this.served.set(id, { fn, kind: "main" });
      if (fn.opts.onFailure) this.served.set(`${id}-failure`, { fn, kind: "failure" });
    }
    // Throws on an invalid cron trigger, as an Inngest engine refuses to sync the app.
    this.cron = new CronScheduler({
      db: this.db,
      appId: this.client.id,
      functions: this.functions,
      now: options.now ?? (() => new Date()),
      onEnqueued: () => this.wake(),
      log: this.log,
    });
    this.relay = new OutboxRelay(
      this.db,
      embeddedOutboxDelivery({
        db: this.db,
        appId: this.client.id,
        functions: this.functions,
        onQueued: () => this.wake(),
      }),
      { intervalMs: options.outboxIntervalMs },
    );
    const handler = serve({ client: this.client, functions: this.functions });
    this.handle = (request) => handler.POST(new NextRequest(request), undefined);
  }

  async start(): Promise<void> {
    if (this.loopPromise) return;
    if (!this.client.signingKey) {
      throw new Error("The embedded executor needs a client created with embeddedClientOptions()");
    }
    if (this.options.releaseLeasesOnStart) {
      const count = await releaseAllJobRunLeases(this.db);
      if (count > 0) this.log.info({ count }, "re-driving runs interrupted by the previous process");
    }
    this.isStopping = false;
    registerEmbeddedExecutor(this.client.id, this);
    this.loopPromise = this.loop();
    await this.cron.start();
    this.relay.start();
    this.log.info(
      { functions: [...this.served.keys()], cron: this.cron.functionIds },
      "embedded Inngest executor started",
    );
  }

  /** Stops claiming runs; runs between requests are handed back to the queue, in-flight requests may finish. */
  async stop(): Promise<void> {
    if (!this.loopPromise) return;
    this.isStopping = true;
    await this.relay.stop();
    await this.cron.stop();
    unregisterEmbeddedExecutor(this.client.id, this);
    this.wake();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.loopPromise;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.options.stopTimeoutMs).unref());
    await Promise.race([Promise.allSettled([...this.inflight]), timeout]);
    this.loopPromise = undefined;
    this.log.info("embedded Inngest executor stopped");
  }

  async send(events: OutgoingEvent[]): Promise<string[]> {
    const { eventIds } = await enqueueEventRuns(this.db, {
      appId: this.client.id,
      functions: this.functions,
      events,
    });
    this.wake();
    return eventIds;
  }

  wake(): void {
    this.isWakePending = true;
    this.wakeUp?.();
  }

  private scheduleWake(at: Date): void {
    if (this.isStopping) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.wake();
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private async loop(): Promise<void> {
    const functionIds = [...this.served.keys()];
    while (!this.isStopping) {
      this.isWakePending = false;
      const free = this.options.concurrency - this.inflight.size;
      let claimed: JobRun[] = [];
      if (free > 0) {
        try {
          claimed = await claimDueJobRuns(this.db, {
            limit: free,
            leaseMs: this.options.leaseMs,
            functionIds,
          });
        } catch (error) {
          this.log.error({ err: error }, "could not claim job runs");
        }
        for (const run of claimed) this.track(run);
      }
      if (claimed.length > 0 && claimed.length === free) continue;
      if (!this.isWakePending) await this.waitForWake();
    }
  }

  private track(run: JobRun): void {
    const drive = driveRun(
      {
        db: this.db,
        signingKey: this.client.signingKey ?? "",
        handle: this.handle,
        resolve: (id) => this.served.get(id),
        leaseMs: this.options.leaseMs,
        backoff: this.options.backoff,
        isStopping: () => this.isStopping,
        onScheduled: (at) => this.scheduleWake(at),
        log: this.log,
      },
      run,
    )
      .catch((error: unknown) => this.log.error({ err: error, runId: run.id }, "job run driver crashed"))
      .finally(() => {
        this.inflight.delete(drive);
        this.wake();
      });
    this.inflight.add(drive);
  }

  private waitForWake(): Promise<void> {
    return new Promise((resolve) => {
      // Not unref'd: a running executor is a reason for the process to stay alive.
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
