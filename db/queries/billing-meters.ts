import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { billingMeters } from "../schema";

export async function findBillingMeterId(db: Database, eventName: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: billingMeters.stripeMeterId })
    .from(billingMeters)
    .where(eq(billingMeters.eventName, eventName));
  return row?.id;
}

export async function saveBillingMeter(db: Database, input: { eventName: string; stripeMeterId: string }) {
  await db.insert(billingMeters).values(input).onConflictDoNothing({ target: billingMeters.eventName });
}
