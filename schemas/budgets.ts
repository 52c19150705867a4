import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, text } from "./text";

export const updateBudgetSchema = z
  .object({
    monthly_limit_usd: z
      .number()
      .positive()
      .max(1_000_000)
      .multipleOf(0.01)
      .nullable()
      .describe("Monthly budget in US dollars (UTC calendar month); null removes the budget."),
    hard_cap: z
      .boolean()
      .default(false)
      .describe("Refuse paid work (402) once the month's cost plus work in flight would pass the budget."),
    webhook_url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine(hasNoNul, { message: NUL_MESSAGE })
      .nullable()
      .default(null)
      .describe(
        "Receives a signed `budget.threshold_reached` POST at 50, 80 and 100 %, like example callbacks.",
      ),
  })
  .strict();
export type UpdateBudgetInput = z.infer<typeof updateBudgetSchema>;

export const budgetSchema = z.object({
  monthly_limit_usd: z.number().nullable(),
  hard_cap: z.boolean(),
  webhook_url: text().nullable(),
  period_start: z.iso.datetime().describe("This period's start (UTC month)."),
  cost_usd: z.number().describe("This month's cost so far: the ledger × the price list."),
  thresholds_reached: z.array(z.number().int()).describe("Thresholds (percent) alerted this month."),
});
export type BudgetResponse = z.infer<typeof budgetSchema>;

export const budgetAlertCallbackSchema = z.object({
  type: z.literal("budget.threshold_reached"),
  created_at: z.iso.datetime(),
  data: z.object({
    workspace_id: z.uuid(),
    period_start: z.iso.datetime(),
    threshold_percent: z.number().int(),
    cost_usd: z.number(),
    limit_usd: z.number(),
    hard_cap: z.boolean(),
  }),
});
export type BudgetAlertCallback = z.infer<typeof budgetAlertCallbackSchema>;
