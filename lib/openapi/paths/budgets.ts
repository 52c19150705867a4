import type { ZodOpenApiPathsObject } from "zod-openapi";
import { budgetAlertCallbackSchema, budgetSchema, updateBudgetSchema } from "@/schemas/budgets";
import { authenticated, json, problems } from "../responses";

const Budget = budgetSchema.meta({ id: "Budget" });

export const budgetPaths: ZodOpenApiPathsObject = {
  "/v1/workspace/budget": {
    get: {
      tags: ["Billing"],
      summary: "The workspace's monthly budget",
      description:
        "The budget (UTC calendar month), this month's cost so far (the ledger × the price list, as on the invoice preview) and the thresholds (50, 80, 100 %) already alerted.",
      security: authenticated,
      responses: { "200": json(Budget, "The budget."), ...problems(403) },
    },
    patch: {
      tags: ["Billing"],
      summary: "Set or remove the monthly budget",
      description:
        "Owners only; audited. Each threshold fires once per month: a banner in the app and, with `webhook_url`, a POST of `BudgetAlertCallback` signed like example callbacks (`Tracepipe-Signature`). With `hard_cap`, paid work (LLM models, storage beyond the free allowance) whose estimate would pass the budget is refused before it starts with 402 `reason: budget_cap_reached`; concurrent requests overshoot by at most one request's cost.",
      security: authenticated,
      requestBody: { content: { "application/json": { schema: updateBudgetSchema } } },
      responses: {
        "200": json(Budget, "The budget as stored."),
        ...problems(400, 403, 422),
      },
    },
  },
};

/** Documented as a component so receivers can generate a type for the callback body. */
export const budgetComponents = { BudgetAlertCallback: budgetAlertCallbackSchema };
