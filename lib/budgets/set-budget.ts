import { getDb } from "@/db/client";
import { deleteBudget, findBudget, upsertBudget } from "@/db/queries/budgets";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { transactionWithEvents } from "@/lib/events/emit-events";
import type { BudgetResponse, UpdateBudgetInput } from "@/schemas/budgets";
import { checkBudgetThresholds } from "./check-budget-thresholds";
import { getBudget } from "./get-budget";

const auditView = (
  row: { monthlyLimitCents: number; hardCap: boolean; webhookUrl: string | null } | undefined,
) =>
  row
    ? { monthly_limit_cents: row.monthlyLimitCents, hard_cap: row.hardCap, webhook_url: row.webhookUrl }
    : null;

/**
 * Sets (or with a null limit removes) the workspace's monthly budget; audited with before and after. A budget
 * set below what the month already cost alerts at once (thresholds are checked in the same transaction).
 */
export async function setBudget(
  actor: Actor,
  input: UpdateBudgetInput,
  meta: RequestMeta,
): Promise<BudgetResponse> {
  const db = await getDb();
  const before = await findBudget(db, { workspaceId: actor.workspaceId });
  let after: Awaited<ReturnType<typeof findBudget>>;
  if (input.monthly_limit_usd === null) {
    await deleteBudget(db, { workspaceId: actor.workspaceId });
  } else {
    const monthlyLimitCents = Math.round(input.monthly_limit_usd * 100);
    after = await transactionWithEvents(db, async (tx, emit) => {
      const row = await upsertBudget(tx, {
        workspaceId: actor.workspaceId,
        monthlyLimitCents,
        hardCap: input.hard_cap,
        webhookUrl: input.webhook_url,
      });
      await checkBudgetThresholds(tx, { workspaceId: actor.workspaceId, emit });
      return row;
    });
  }
  await recordAuditEvent(
    {
      type: "billing.budget_updated",
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      target: { type: "workspace", id: actor.workspaceId },
      before: auditView(before),
      after: auditView(after),
    },
    meta,
  );
  return getBudget({ workspaceId: actor.workspaceId });
}
