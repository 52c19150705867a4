import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../client";
import { stripeEvents } from "../schema";

export async function isStripeEventProcessed(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(and(eq(stripeEvents.id, id), isNotNull(stripeEvents.processedAt)));
  return Boolean(row);
}

/** Keeps a verified event's payload (the first delivery's; Stripe never changes an event). */
export async function saveStripeEvent(
  db: Database,
  input: { id: string; type: string; payload: Record<string, unknown> },
) {
  await db.insert(stripeEvents).values(input).onConflictDoNothing({ target: stripeEvents.id });
}

export async function markStripeEventProcessed(db: Database, input: { id: string; type: string }) {
  await db
    .insert(stripeEvents)
    .values({ ...input, processedAt: new Date() })
    .onConflictDoUpdate({ target: stripeEvents.id, set: { processedAt: new Date() } });
}

export async function findStripeEvent(db: Database, id: string) {
  const [row] = await db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      payload: stripeEvents.payload,
      processedAt: stripeEvents.processedAt,
    })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, id));
  return row;
}
