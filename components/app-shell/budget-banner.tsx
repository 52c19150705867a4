import Link from "next/link";
import { usdFromCents } from "@/components/billing/format";
import type { BudgetBanner as Banner } from "@/lib/budgets/get-budget-banner";

/** Shown on every page once this month's spend reached 50, 80 or 100 % of the workspace's budget. */
export function BudgetBanner({ banner }: { banner: Banner }) {
  const isReached = banner.thresholdPercent >= 100;
  return (
    <div
      role="status"
      data-testid="budget-banner"
      className={
        isReached
          ? "border-b bg-danger-muted text-danger-muted-foreground"
          : "border-b bg-muted text-foreground"
      }
    >
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
        This month's spend reached {banner.thresholdPercent} % of the {usdFromCents(banner.limitCents)}{" "}
        budget.
        {isReached && banner.hardCap && " Paid work is paused by the hard cap."}{" "}
        <Link href="/settings/billing" className="font-medium underline underline-offset-2">
          Review the budget
        </Link>
      </p>
    </div>
  );
}
