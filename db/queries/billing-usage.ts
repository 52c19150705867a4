import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { usageRecords, workspaces } from "../schema";
import type { UsageKind } from "./usage-records";

export interface UnreportedUsage {
  id: string;
  workspaceId: string;
  stripeCustomerId: string;
  kind: UsageKind;
  modelId: string | null;
  quantity: number;
  occurredAt: Date;
}

/** The oldest not-yet-reported records of the given kinds, of workspaces that have a Stripe customer. */
export async function listUnreportedUsage(
  db: Database,
  filter: { kinds: UsageKind[]; limit: number },
): Promise<UnreportedUsage[]> {
  const rows = await db
    .select({
      id: usageRecords.id,
      workspaceId: usageRecords.workspaceId,
      stripeCustomerId: workspaces.stripeCustomerId,
      kind: usageRecords.kind,
      modelId: usageRecords.modelId,
      quantity: usageRecords.quantity,
      occurredAt: usageRecords.occurredAt,
    })
    .from(usageRecords)
    .innerJoin(workspaces, eq(workspaces.id, usageRecords.workspaceId))
    .where(
      and(
        isNull(usageRecords.reportedAt),
        // AP2 examples are paid on their own PaymentIntent, never on the subscription's invoice.
        eq(usageRecords.prepaid, false),
        isNotNull(workspaces.stripeCustomerId),
        inArray(usageRecords.kind, filter.kinds),
      ),
    )
    .orderBy(asc(usageRecords.occurredAt), asc(usageRecords.id))
    .limit(filter.limit);
  return rows.flatMap((r) => (r.stripeCustomerId ? [{ ...r, stripeCustomerId: r.stripeCustomerId }] : []));
}

export async function markUsageReported(db: Database, input: { ids: string[]; at: Date }): Promise<number> {
  if (input.ids.length === 0) return 0;
  const updated = await db
    .update(usageRecords)
    .set({ reportedAt: input.at })
    .where(and(inArray(usageRecords.id, input.ids), isNull(usageRecords.reportedAt)))
    .returning({ id: usageRecords.id });
  return updated.length;
}
