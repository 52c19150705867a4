import { closeDb } from "@/db/client";
import { redriveStripeEvent } from "@/lib/billing/handle-stripe-webhook";

// `npm run stripe:redrive <event id>`: applies a stored Stripe webhook event again (after a fix, or when its
// delivery failed for good). Safe to repeat: applying an event is idempotent.
const eventId = process.argv[2];
if (!eventId?.startsWith("evt_")) {
  process.stderr.write("usage: npm run stripe:redrive <evt_…>\n");
  process.exit(2);
}
const { type } = await redriveStripeEvent(eventId);
await closeDb();
process.stdout.write(`re-drove ${eventId} (${type})\n`);
