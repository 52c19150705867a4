import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { stripeEvents } from "../schema";

export async function isStripeEventProcessed(db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id));
  return Boolean(row);
}

export async function markStripeEventProcessed(db: Database, input: { id: string; type: string }) {
  await db.insert(stripeEvents).values(input).onConflictDoNothing({ target: stripeEvents.id });
}
