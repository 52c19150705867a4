"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/validated-action";
import type { BudgetResponse, UpdateBudgetInput } from "@/schemas/budgets";

/** Settings → Billing: the monthly budget, its hard cap and the webhook that receives threshold alerts. */
export function BudgetForm({
  budget,
  canEdit,
  action,
}: {
  budget: BudgetResponse;
  canEdit: boolean;
  action: (input: UpdateBudgetInput) => Promise<ActionResult<BudgetResponse>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [isPending, startTransition] = useTransition();
  const submit = (form: FormData) =>
    startTransition(async () => {
      setError(undefined);
      setSaved(false);
      const limit = String(form.get("limit") ?? "").trim();
      const webhook = String(form.get("webhook_url") ?? "").trim();
      const result = await action({
        monthly_limit_usd: limit === "" ? null : Number(limit),
        hard_cap: form.get("hard_cap") === "on",
        webhook_url: webhook === "" ? null : webhook,
      });
      if (!result.ok) setError(result.error);
      else {
        setSaved(true);
        router.refresh();
      }
    });
  return (
    <form action={submit} className="flex max-w-xl flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="budget-limit">Monthly budget (USD)</Label>
        <Input
          id="budget-limit"
          name="limit"
          type="number"
          min="0.01"
          step="0.01"
          inputMode="decimal"
          placeholder="No budget"
          defaultValue={budget.monthly_limit_usd ?? ""}
          disabled={!canEdit}
        />
        <p className="text-sm text-muted-foreground">
          Alerts at 50, 80 and 100 % of this month's cost (UTC month); empty removes the budget.
        </p>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="hard_cap"
          defaultChecked={budget.hard_cap}
          disabled={!canEdit}
          className="mt-0.5"
        />
        <span>
          Hard cap: refuse LLM models and storage beyond the free allowance once the budget would be passed
        </span>
      </label>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="budget-webhook">Alert webhook URL (optional)</Label>
        <Input
          id="budget-webhook"
          name="webhook_url"
          type="url"
          placeholder="https://example.com/hooks/tracepipe"
          defaultValue={budget.webhook_url ?? ""}
          disabled={!canEdit}
        />
        <p className="text-sm text-muted-foreground">
          Receives <code>budget.threshold_reached</code>, signed like example callbacks.
        </p>
      </div>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save budget"}
          </Button>
          {saved && <span className="text-sm text-muted-foreground">Saved.</span>}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">Only an owner changes the budget.</p>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
