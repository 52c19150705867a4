import type { InngestFunction } from "inngest";
import type { Database } from "@/db/client";
import type { OutboxDelivery } from "@/lib/events/outbox-relay";
import { enqueueEventRuns } from "./enqueue-event-runs";

/**
 * Outbox events into the embedded run queue: one run per triggered function, queued in the same transaction
 * that marks the rows sent, so each event starts its runs exactly once even if the process dies mid-way.
 */
export function embeddedOutboxDelivery(args: {
  db: Database;
  appId: string;
  functions: InngestFunction.Any[];
  onQueued: () => void;
}): OutboxDelivery {
  return async (events, markSent) => {
    await args.db.transaction(async (tx) => {
      await enqueueEventRuns(tx, { appId: args.appId, functions: args.functions, events });
      await markSent(tx);
    });
    args.onQueued();
  };
}
