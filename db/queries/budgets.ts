import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { budgetAlerts, examples, workspaceBudgets } from "../schema";

export type BudgetRow = typeof workspaceBudgets.$inferSelect;

export async function findBudget(
  db: Database,
  filter: { workspaceId: string },
): Promise<BudgetRow | undefined> {
  const [row] = await db
    .select()
    .from(workspaceBudgets)
    .where(eq(workspaceBudgets.workspaceId, filter.workspaceId))
    .limit(1);
  return row;
}

export async function upsertBudget(
  db: Database,
  values: Pick<BudgetRow, "workspaceId" | "monthlyLimitCents" | "hardCap" | "webhookUrl">,
): Promise<BudgetRow> {
  const [row] = await db
    .insert(workspaceBudgets)
    .values({ ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: workspaceBudgets.workspaceId,
      set: {
        monthlyLimitCents: values.monthlyLimitCents,
        hardCap: values.hardCap,
        webhookUrl: values.webhookUrl,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error("upsert into workspace_budgets returned no row");
  return row;
}

export async function deleteBudget(db: Database, filter: { workspaceId: string }): Promise<boolean> {
  const rows = await db
    .delete(workspaceBudgets)
    .where(eq(workspaceBudgets.workspaceId, filter.workspaceId))
    .returning({ id: workspaceBudgets.workspaceId });
  return rows.length > 0;
}

/**
 * Serialises budget decisions of one workspace until the transaction ends (Postgres advisory lock): two usage
 * writes cannot both miss a threshold, and two admissions cannot both spend the same headroom.
 */
export async function lockWorkspaceBudget(tx: Database, filter: { workspaceId: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`budget:${filter.workspaceId}`}))`);
}

/** Records the thresholds not yet reached in the period; returns only those newly recorded (fire each once). */
export async function insertBudgetAlerts(
  db: Database,
  rows: (typeof budgetAlerts.$inferInsert)[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(budgetAlerts)
    .values(rows)
    .onConflictDoNothing()
    .returning({ thresholdPercent: budgetAlerts.thresholdPercent });
  return inserted.map((r) => r.thresholdPercent);
}

export async function listBudgetAlertsInPeriod(
  db: Database,
  filter: { workspaceId: string; periodStart: Date },
) {
  return db
    .select({
      thresholdPercent: budgetAlerts.thresholdPercent,
      costCents: budgetAlerts.costCents,
      limitCents: budgetAlerts.limitCents,
      createdAt: budgetAlerts.createdAt,
    })
    .from(budgetAlerts)
    .where(
      and(eq(budgetAlerts.workspaceId, filter.workspaceId), eq(budgetAlerts.periodStart, filter.periodStart)),
    )
    .orderBy(budgetAlerts.thresholdPercent);
}

/** Estimated cost of the workspace's paid examples still being generated: held against a hard cap. */
export async function sumInFlightEstimatedCents(
  db: Database,
  filter: { workspaceId: string },
): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string>`coalesce(sum(${examples.estimatedCostCents}), 0)::text` })
    .from(examples)
    .where(
      and(
        eq(examples.workspaceId, filter.workspaceId),
        inArray(examples.status, ["pending", "processing"]),
        isNotNull(examples.estimatedCostCents),
      ),
    );
  return Number(row?.cents ?? 0);
}
