import type { Database } from "@/db/client";
import { listUsageRecordsForWorkspace } from "@/db/queries/usage-records";
import { priceLedgerCents } from "@/lib/billing/price-ledger";

/** What one example actually cost, in cents: its ledger records (`example:<id>`) × the price list. */
export async function computeExampleCostCents(
  db: Database,
  input: { workspaceId: string; exampleId: string },
): Promise<number> {
  return priceLedgerCents(
    await listUsageRecordsForWorkspace(db, {
      workspaceId: input.workspaceId,
      subject: `example:${input.exampleId}`,
    }),
  );
}
