import { authedRoute, json } from "@/lib/api/handler";
import { readJsonInput } from "@/lib/api/read-json-input";
import { getBudget } from "@/lib/budgets/get-budget";
import { setBudget } from "@/lib/budgets/set-budget";
import { updateBudgetSchema } from "@/schemas/budgets";

export const dynamic = "force-dynamic";

/** The workspace's monthly budget, this month's cost and the thresholds alerted so far. */
export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ principal }) =>
  json(await getBudget({ workspaceId: principal.workspaceId })),
);

/** Sets or removes the budget (owner only: it is billing); audited. */
export const PATCH = authedRoute(
  { scopes: ["full"], permission: "billing" },
  async ({ request, principal, meta }) =>
    json(await setBudget(principal, await readJsonInput(request, updateBudgetSchema), meta)),
);
