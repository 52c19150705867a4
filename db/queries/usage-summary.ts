import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessions, usageRecords } from "../schema";

/** Usage quantities of one user since `since`, summed per kind and model. */
export async function sumUsageByKindAndModel(db: Database, filter: { workspaceId: string; since: Date }) {
  const rows = await db
    .select({
      kind: usageRecords.kind,
      modelId: usageRecords.modelId,
      quantity: sql<string>`coalesce(sum(${usageRecords.quantity}), 0)::text`,
    })
    .from(usageRecords)
    .where(and(eq(usageRecords.workspaceId, filter.workspaceId), gte(usageRecords.occurredAt, filter.since)))
    .groupBy(usageRecords.kind, usageRecords.modelId);
  // bigint sums arrive as text from Postgres: convert once here.
  return rows.map((r) => ({ kind: r.kind, modelId: r.modelId, quantity: Number(r.quantity) }));
}

/** How many sessions the user has in total and since `since`. */
export async function countSessionsOfWorkspace(db: Database, filter: { workspaceId: string; since: Date }) {
  const [row] = await db
    .select({
      total: count(),
      recent: sql<number>`count(*) filter (where ${sessions.createdAt} >= ${filter.since.toISOString()}::timestamptz)`,
      storedBytes: sql<string>`coalesce(sum(${sessions.rawBytes}), 0)::text`,
    })
    .from(sessions)
    .where(eq(sessions.workspaceId, filter.workspaceId));
  return {
    total: Number(row?.total ?? 0),
    recent: Number(row?.recent ?? 0),
    storedBytes: Number(row?.storedBytes ?? 0),
  };
}

/** How many examples the user has in total, since `since`, and how many are still being generated. */
export async function countExamplesOfWorkspace(db: Database, filter: { workspaceId: string; since: Date }) {
  const [row] = await db
    .select({
      total: count(),
      recent: sql<number>`count(*) filter (where ${examples.createdAt} >= ${filter.since.toISOString()}::timestamptz)`,
      inFlight: sql<number>`count(*) filter (where ${examples.status} in ('pending', 'processing'))`,
      storedBytes: sql<string>`coalesce(sum(${examples.sizeBytes}), 0)::text`,
    })
    .from(examples)
    .where(eq(examples.workspaceId, filter.workspaceId));
  return {
    total: Number(row?.total ?? 0),
    recent: Number(row?.recent ?? 0),
    inFlight: Number(row?.inFlight ?? 0),
    storedBytes: Number(row?.storedBytes ?? 0),
  };
}

/**
 * Usage of one account in [from, to), summed per kind, model and whether it was already sent to Stripe: the
 * ledger side of the invoice reconciliation.
 */
export async function sumUsageInPeriod(
  db: Database,
  filter: {
    workspaceId: string;
    from: Date;
    to: Date;
    /** AP2 usage (paid per example, never invoiced): counted toward a budget, not toward the invoice. */
    includePrepaid?: boolean;
  },
) {
  const rows = await db
    .select({
      kind: usageRecords.kind,
      modelId: usageRecords.modelId,
      isReported: sql<boolean>`${usageRecords.reportedAt} is not null`,
      quantity: sql<string>`coalesce(sum(${usageRecords.quantity}), 0)::text`,
    })
    .from(usageRecords)
    .where(
      and(
        eq(usageRecords.workspaceId, filter.workspaceId),
        gte(usageRecords.occurredAt, filter.from),
        lt(usageRecords.occurredAt, filter.to),
        filter.includePrepaid ? undefined : eq(usageRecords.prepaid, false),
      ),
    )
    .groupBy(usageRecords.kind, usageRecords.modelId, sql`${usageRecords.reportedAt} is not null`);
  return rows.map((r) => ({ ...r, isReported: Boolean(r.isReported), quantity: Number(r.quantity) }));
}
