import type { Database } from "@/db/client";
import type { OutboxDelivery } from "@/lib/events/outbox-relay";
import { inngest } from "./client";

/**
 * Outbox events to an Inngest engine. The outbox row id is the Inngest event id: Inngest ignores a second event
 * with the same id (within 24 hours), so a batch re-sent after a crash before `markSent` starts no second run.
 */
export function inngestOutboxDelivery(db: Database): OutboxDelivery {
  return async (events, markSent) => {
    await inngest.send(events.map((event) => ({ id: event.id, name: event.name, data: event.data })));
    await markSent(db);
  };
}
