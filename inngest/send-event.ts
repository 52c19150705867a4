import { getDb } from "@/db/client";
import { isInngestEngine } from "@/lib/env";
import { enqueueEventRuns, type OutgoingEvent } from "@/lib/jobs/enqueue-event-runs";
import { getEmbeddedExecutor } from "@/lib/jobs/executor-registry";
import { inngest } from "./client";
import { functions } from "./functions";

export type { OutgoingEvent };

/**
 * Sends events to the Inngest engine when one is configured; in the embedded default, queues one durable run
 * per triggered function in the database and wakes this process's executor. Either way the event is durable on
 * return. Returns the event ids.
 */
export async function sendEvent(events: OutgoingEvent | OutgoingEvent[]): Promise<string[]> {
  const list = (Array.isArray(events) ? events : [events]).map((e) => ({
    ...e,
    id: e.id ?? crypto.randomUUID(),
  }));
  if (isInngestEngine()) {
    await inngest.send(list);
    return list.map((e) => e.id);
  }
  // The running executor queues for its own function list (the same definitions; tests pass their own).
  const executor = getEmbeddedExecutor(inngest.id);
  if (executor) return executor.send(list);
  const { eventIds } = await enqueueEventRuns(await getDb(), { appId: inngest.id, functions, events: list });
  return eventIds;
}
