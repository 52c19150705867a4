import type { InngestFunction } from "inngest";
import type { Database } from "@/db/client";
import { insertJobRuns, type NewJobRun } from "@/db/queries/job-runs";
import { childLogger } from "@/lib/logger";
import { concurrencyKeysFor } from "./flow-control";

export interface OutgoingEvent {
  name: string;
  data: Record<string, unknown>;
  /** Deduplication id: sending the same id twice starts one run per function, not two. */
  id?: string;
}

const log = childLogger("jobs");

/** The event names a function is triggered by: `triggers: [eventType(...)]`, `{ event: "name" }` or `{ event: eventType }`. */
export function triggerEventNames(fn: InngestFunction.Any): string[] {
  const triggers: unknown = fn.opts.triggers;
  const list: unknown[] = Array.isArray(triggers) ? triggers : triggers ? [triggers] : [];
  return list.flatMap((trigger) => {
    if (!trigger || typeof trigger !== "object" || !("event" in trigger)) return [];
    const event: unknown = trigger.event;
    if (typeof event === "string") return [event];
    if (event && typeof event === "object" && "name" in event) return [String(event.name)];
    return [];
  });
}

/** The id the SDK's serve handler knows a function by (`fnId` in the execution request). */
export function servedFunctionId(fn: InngestFunction.Any, appId: string): string {
  return fn.id(appId);
}

/**
 * Queues one run per (event, triggered function) in `job_runs`. Durable on return; the (function, event id)
 * unique key makes re-sending an event with the same id a no-op.
 */
export async function enqueueEventRuns(
  db: Database,
  { appId, functions, events }: { appId: string; functions: InngestFunction.Any[]; events: OutgoingEvent[] },
): Promise<{ eventIds: string[]; runIds: string[] }> {
  const list = events.map((e) => ({ ...e, id: e.id ?? crypto.randomUUID() }));
  const now = Date.now();
  const rows: NewJobRun[] = list.flatMap((event) =>
    functions
      .filter((fn) => triggerEventNames(fn).includes(event.name))
      .map((fn) => {
        const functionId = servedFunctionId(fn, appId);
        const payload = { name: event.name, data: event.data, id: event.id, ts: now };
        return {
          functionId,
          eventId: event.id,
          eventName: event.name,
          event: payload,
          ...concurrencyKeysFor(fn, functionId, payload),
        };
      }),
  );
  if (rows.length === 0)
    log.debug({ events: list.map((e) => e.name) }, "no function is triggered by these events");
  const runIds = await insertJobRuns(db, rows);
  return { eventIds: list.map((e) => e.id), runIds };
}
