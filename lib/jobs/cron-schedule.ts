import { Cron } from "croner";
import type { InngestFunction } from "inngest";

/** One cron trigger of a function, read the way the Inngest engine reads it. */
export interface CronSchedule {
  /** The trigger exactly as written (`"TZ=Europe/Paris 0 12 * * 5"`): Inngest sends it back as `event.data.cron`. */
  expression: string;
  timezone: string;
  /** The latest tick at or before `now`, or null if the schedule never fired before it. */
  latestAtOrBefore(now: Date): Date | null;
  /** The first tick after `now`, or null if there is none (`0 0 31 2 *`). */
  nextAfter(now: Date): Date | null;
}

// Inngest accepts an optional `TZ=Area/City ` prefix (robfig/cron also reads `CRON_TZ=`); without one the
// schedule is in UTC, never the server's local zone.
const timezonePrefix = /^(?:CRON_)?TZ=(\S+)\s+/;

/**
 * Parses a cron trigger: five fields (minute precision, as Inngest's parser) or a descriptor such as `@hourly`.
 * Throws on anything Inngest would refuse to sync, including an unknown time zone.
 */
export function parseCronSchedule(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const match = timezonePrefix.exec(trimmed);
  const timezone = match?.[1] ?? "UTC";
  const pattern = match ? trimmed.slice(match[0].length) : trimmed;
  let cron: Cron;
  try {
    // Day-of-month and day-of-week combine with OR, as in Vixie cron and robfig/cron (croner's default).
    cron = new Cron(pattern, { timezone, mode: "5-part" });
    // An unknown zone only fails when a date is computed.
    cron.nextRun(new Date(0));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid cron trigger "${expression}": ${reason}`);
  }
  return {
    expression,
    timezone,
    // previousRuns excludes a tick exactly at the reference; ticks are whole minutes, so 1 ms later includes it.
    latestAtOrBefore: (now) => cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null,
    nextAfter: (now) => cron.nextRun(now),
  };
}

/** The cron expressions of a function's triggers (`cron("...")` or `{ cron: "..." }`). */
export function triggerCronExpressions(fn: InngestFunction.Any): string[] {
  const triggers: unknown = fn.opts.triggers;
  const list: unknown[] = Array.isArray(triggers) ? triggers : triggers ? [triggers] : [];
  return list.flatMap((trigger) =>
    trigger && typeof trigger === "object" && "cron" in trigger && typeof trigger.cron === "string"
      ? [trigger.cron]
      : [],
  );
}

/** Inngest's id for a cron event: the tick in RFC 3339, seconds precision (its idempotency key per function). */
export function cronEventId(tick: Date): string {
  return tick.toISOString().replace(/\.\d{3}Z$/, "Z");
}
