import type { Metadata } from "next";
import { BudgetForm } from "@/components/billing/budget-form";
import { formatDay, usdFromCents } from "@/components/billing/format";
import { InvoicesTable } from "@/components/billing/invoices-table";
import { ReconciliationTable } from "@/components/billing/reconciliation-table";
import { StripeRedirectButton } from "@/components/billing/stripe-redirect-button";
import { requireSessionMember } from "@/lib/auth/session";
import { getBillingOverview } from "@/lib/billing/get-billing-overview";
import { getBudget } from "@/lib/budgets/get-budget";
import { can } from "@/lib/workspaces/policy";
import { addCardAction, openPortalAction, setBudgetAction } from "./actions";

export const metadata: Metadata = { title: "Billing" };
export const dynamic = "force-dynamic";

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ setup?: string }> }) {
  const member = await requireSessionMember("/settings/billing");
  const [overview, budget, { setup }] = await Promise.all([
    getBillingOverview({ accountId: member.workspaceId }),
    getBudget({ workspaceId: member.workspaceId }),
    searchParams,
  ]);
  const muted = "text-sm text-muted-foreground";
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
        <p className={muted}>
          Usage-based: no plan, no subscription fee. You pay for LLM tokens and storage × time, monthly in
          arrears.
        </p>
      </div>

      {overview.status === "past_due" && (
        <p role="alert" className="rounded-md bg-danger-muted p-4 text-sm text-danger-muted-foreground">
          Your last invoice could not be paid, so paid models and storage beyond the free allowance are
          paused. Change your card below; Stripe retries the payment.
        </p>
      )}

      <section aria-labelledby="payment-method" className="flex flex-col gap-3">
        <h2 id="payment-method" className="text-lg font-semibold">
          Payment method
        </h2>
        {!overview.isEnabled ? (
          <p className={muted}>
            Billing is off on this server (no <code>STRIPE_SECRET_KEY</code>): usage is recorded but nothing
            is charged.
          </p>
        ) : overview.card ? (
          <div className="flex flex-wrap items-center justify-between gap-4 rounded-md border border-border bg-card p-4">
            <p data-testid="card-on-file">
              <span className="font-medium capitalize">{overview.card.brand}</span> ending in{" "}
              <span className="font-medium">{overview.card.last4}</span>
              <span className={`ml-2 ${muted}`}>
                expires {String(overview.card.expMonth).padStart(2, "0")}/{overview.card.expYear}
              </span>
            </p>
            <StripeRedirectButton action={openPortalAction} label="Change card" />
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className={muted}>
              {setup === "success"
                ? "Stripe is confirming your card; it appears here in a moment. Reload to check."
                : setup === "cancelled"
                  ? "No card was added."
                  : "No card on file. Add one to use LLM models and storage beyond the free allowance."}
            </p>
            <StripeRedirectButton action={addCardAction} label="Add a card" />
          </div>
        )}
      </section>

      <section aria-labelledby="usage" className="flex flex-col gap-3">
        <h2 id="usage" className="text-lg font-semibold">
          {overview.hasSubscription ? "This period's invoice" : "Usage this month"} (
          {formatDay(overview.periodStart)} – {formatDay(overview.periodEnd)}, UTC)
        </h2>
        {overview.lines.length === 0 ? (
          <p className={muted}>No billable usage this period yet.</p>
        ) : (
          <ReconciliationTable lines={overview.lines} hasPreview={overview.hasSubscription} />
        )}
        <p className="text-sm">
          Ledger total: <span className="font-semibold">{usdFromCents(overview.ledgerTotalCents)}</span>
          {overview.stripeTotalCents !== null && (
            <>
              {" · "}Stripe preview:{" "}
              <span className="font-semibold" data-testid="stripe-total">
                {usdFromCents(overview.stripeTotalCents)}
              </span>
            </>
          )}
          <span className={`ml-2 ${muted}`}>(before tax)</span>
        </p>
      </section>

      <section aria-labelledby="budget" className="flex flex-col gap-3">
        <h2 id="budget" className="text-lg font-semibold">
          Budget
        </h2>
        <p className={muted} data-testid="budget-spend">
          This month so far:{" "}
          <span className="font-medium">{usdFromCents(Math.round(budget.cost_usd * 100))}</span>
          {budget.monthly_limit_usd !== null && (
            <>
              {" "}
              of {usdFromCents(Math.round(budget.monthly_limit_usd * 100))}
              {budget.thresholds_reached.length > 0 &&
                ` · alerted at ${budget.thresholds_reached.join(", ")} %`}
            </>
          )}
        </p>
        <BudgetForm budget={budget} canEdit={can(member.role, "billing")} action={setBudgetAction} />
      </section>

      {overview.invoices.length > 0 && (
        <section aria-labelledby="past-invoices" className="flex flex-col gap-3">
          <h2 id="past-invoices" className="text-lg font-semibold">
            Invoices
          </h2>
          <InvoicesTable invoices={overview.invoices} />
        </section>
      )}
    </div>
  );
}
