import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { OutboxRelay } from "@/lib/events/outbox-relay";
import { embeddedOutboxDelivery } from "@/lib/jobs/embedded-outbox-delivery";

/**
 * One pass of the app's relay into the embedded run queue, for tests that check what a request queued without
 * running an executor (which would relay, and run, on its own). Returns how many events were handed over.
 */
export async function relayOutboxOnce(): Promise<number> {
  const db = await getDb();
  const delivery = embeddedOutboxDelivery({ db, appId: inngest.id, functions, onQueued: () => undefined });
  return new OutboxRelay(db, delivery).relayPending();
}
