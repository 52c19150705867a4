import { parseArgs } from "node:util";
import { ensureDatabaseReady } from "@/db/bootstrap";
import { closeDb } from "@/db/client";
import { syncStripeCatalog } from "@/lib/billing/sync-stripe-catalog";

// `npm run stripe:sync [-- --apply]`: compares Stripe's meters, products and metered prices with
// lib/billing/prices.ts and prints every difference; with --apply, creates what is missing and replaces prices
// that differ. Exit code 1 when differences remain (so CI can check a deployment's Stripe account).
const { values } = parseArgs({ options: { apply: { type: "boolean", default: false } } });
// Meter ids are cached in the database (billing_meters), so it must be migrated first.
await ensureDatabaseReady();
const result = await syncStripeCatalog({ apply: values.apply ?? false });
for (const d of result.differences) {
  process.stdout.write(`${d.isFixed ? "fixed  " : "differs"} ${d.object.padEnd(7)} ${d.key}: ${d.problem}\n`);
}
const open = result.differences.filter((d) => !d.isFixed).length;
process.stdout.write(
  `${result.priceIds.size} prices in Stripe match the price list; ${result.differences.length} differences, ${open} left\n`,
);
await closeDb();
process.exit(open > 0 ? 1 : 0);
