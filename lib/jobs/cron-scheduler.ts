import { type InngestFunction, internalEvents } from "inngest";
import type { Database } from "@/db/client";
import { getLatestScheduledAtByFunction, insertScheduledJobRun } from "@/db/queries/job-runs";
import type { logger as rootLogger } from "@/lib/logger";
import { type CronSchedule, cronEventId, parseCronSchedule, triggerCronExpressions } from "./cron-schedule";
import { servedFunctionId } from "./enqueue-event-runs";
import { concurrencyKeysFor } from "./flow-control";

export interface CronSchedulerOptions {
  db: Database;
  appId: string;
  functions: InngestFunction.Any[];
  /** The clock ticks are computed with; tests move it, the timer still runs in real time. */
  now: () => Date;
  /** Called after a run was queued, so the executor claims it at once instead of at its next poll. */
  onEnqueued: () => void;
  log: typeof rootLogger;
  /** How soon to try again after the database refused a tick's run. */
  retryMs?: number;
}

interface ScheduledFunction {
  fn: InngestFunction.Any;
  functionId: string;
  schedules: CronSchedule[];
  /** The latest tick known to have a run; null until loaded from the database. */
  lastTick: Date | null;
}

/** setTimeout's limit (~24.8 days); a later tick is reached by re-arming. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Queues one run per cron tick of every cron-triggered function, with the event Inngest sends for it
 * (`inngest/scheduled.timer`, `data: { cron }`, the tick as event id). One timer for the nearest tick, no polling.
 *
 * Exactly once per (function, tick): the database's unique key decides between processes sharing it and across
 * restarts. After downtime only the latest missed tick runs, once; a function this database has never
 * scheduled starts at its next tick (Inngest does not backfill either).
 */
export class CronScheduler {
  private readonly scheduled: ScheduledFunction[];
  private readonly retryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private isLoaded = false;
  private isRunning = false;

  constructor(private readonly options: CronSchedulerOptions) {
    this.retryMs = options.retryMs ?? 5000;
    this.scheduled = options.functions.flatMap((fn) => {
      const expressions = triggerCronExpressions(fn);
      if (expressions.length === 0) return [];
      const functionId = servedFunctionId(fn, options.appId);
      const schedules = expressions.map((expression) => parseCronSchedule(expression));
      return [{ fn, functionId, schedules, lastTick: null }];
    });
  }

  get functionIds(): string[] {
    return this.scheduled.map((fn) => fn.functionId);
  }

  /** Catches up the latest missed tick (if any) and arms the timer for the next one. */
  async start(): Promise<void> {
    if (this.isRunning || this.scheduled.length === 0) return;
    this.isRunning = true;
    await this.runTick();
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  private runTick(): Promise<void> {
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async tick(): Promise<void> {
    const now = this.options.now();
    let retryAt: Date | null = null;
    try {
      if (!this.isLoaded) await this.load(now);
      for (const fn of this.scheduled) await this.enqueueDueTick(fn, now);
    } catch (error) {
      this.options.log.error({ err: error }, "could not queue cron runs; trying again");
      retryAt = new Date(now.getTime() + this.retryMs);
    }
    this.arm(now, retryAt);
  }

  /** Where each function left off: its latest tick with a run, or now for a function never scheduled here. */
  private async load(now: Date): Promise<void> {
    const latest = await getLatestScheduledAtByFunction(this.options.db, this.functionIds);
    for (const fn of this.scheduled) fn.lastTick = latest.get(fn.functionId) ?? now;
    this.isLoaded = true;
  }

  private async enqueueDueTick(fn: ScheduledFunction, now: Date): Promise<void> {
    const due = latestTick(fn.schedules, now);
    if (!due || (fn.lastTick && due.at <= fn.lastTick)) return;
    const eventId = cronEventId(due.at);
    const event = {
      name: internalEvents.ScheduledTimer,
      data: { cron: due.schedule.expression },
      id: eventId,
      ts: now.getTime(),
    };
    const runId = await insertScheduledJobRun(this.options.db, {
      functionId: fn.functionId,
      eventId,
      eventName: event.name,
      event,
      scheduledAt: due.at,
      ...concurrencyKeysFor(fn.fn, fn.functionId, event),
    });
    fn.lastTick = due.at;
    const log = this.options.log.child({ functionId: fn.functionId, tick: eventId });
    if (!runId) {
      log.debug("cron tick already has a run");
      return;
    }
    log.info({ runId, cron: due.schedule.expression }, "cron run queued");
    this.options.onEnqueued();
  }

  private arm(now: Date, retryAt: Date | null): void {
    if (!this.isRunning) return;
    const next = [retryAt, ...this.scheduled.flatMap((fn) => fn.schedules.map((s) => s.nextAfter(now)))]
      .filter((at) => at !== null)
      .reduce<Date | null>((earliest, at) => (!earliest || at < earliest ? at : earliest), null);
    if (!next) return;
    const delay = Math.min(maxTimerMs, Math.max(0, next.getTime() - now.getTime()));
    this.timer = setTimeout(() => void this.runTick(), delay);
    // The executor's poll loop keeps the process alive; this timer alone should not.
    this.timer.unref();
  }
}

/** The most recent tick at or before `now` across a function's cron triggers, with the trigger it belongs to. */
function latestTick(schedules: CronSchedule[], now: Date): { at: Date; schedule: CronSchedule } | null {
  let best: { at: Date; schedule: CronSchedule } | null = null;
  for (const schedule of schedules) {
    const at = schedule.latestAtOrBefore(now);
    if (at && (!best || at > best.at)) best = { at, schedule };
  }
  return best;
}
