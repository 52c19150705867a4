import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb } from "@/db/client";
import { redriveStripeEvent } from "@/lib/billing/handle-stripe-webhook";

// `npm run stripe:redrive <event id>`: applies a stored Stripe webhook event again (after a fix, or when its
// delivery failed for good). Safe to repeat: applying an event is idempotent.
const eventId = process.argv[2];
if (!eventId?.startsWith("evt_")) {
  process.stderr.write("usage: npm run stripe:redrive <evt_…>\n");
  process.exit(2);
}
await ensureDatabaseReady();
try {
  const { type } = await redriveStripeEvent(eventId);
  process.stdout.write(`re-drove ${eventId} (${type})\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
