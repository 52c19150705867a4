import type { Metadata } from "next";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSessionMember } from "@/lib/auth/session";
import { getBillingOverview } from "@/lib/billing/get-billing-overview";
import { addCardAction } from "./actions";
import { AddCardButton } from "./add-card-button";

export const metadata: Metadata = { title: "Billing" };
export const dynamic = "force-dynamic";

/** Unit prices can be fractions of a cent (storage per GB-hour): they keep up to 6 decimals. */
const usd = (amount: number, maxDigits = 2) =>
  amount.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: maxDigits,
  });
const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits });
const monthName = (iso: string) =>
  new Date(iso).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ setup?: string }> }) {
  const member = await requireSessionMember("/settings/billing");
  const [overview, { setup }] = await Promise.all([
    getBillingOverview({ workspaceId: member.workspaceId }),
    searchParams,
  ]);
  const muted = "text-sm text-muted-foreground";
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
        <p className={muted}>
          Usage-based: no plan, no subscription fee. You pay for tokens and storage × time.
        </p>
      </div>

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
            <AddCardButton action={addCardAction} label="Replace card" />
          </div>
        ) : (
          <div className="flex flex-col gap-3">
            <p className={muted}>
              {setup === "success"
                ? "Stripe is confirming your card; it appears here in a moment. Reload to check."
                : setup === "cancelled"
                  ? "No card was added."
                  : "No card on file. Add one to keep using paid models and storage."}
            </p>
            <AddCardButton action={addCardAction} label="Add a card" />
          </div>
        )}
      </section>

      <section aria-labelledby="usage" className="flex flex-col gap-3">
        <h2 id="usage" className="text-lg font-semibold">
          Usage in {monthName(overview.periodStart)} (UTC)
        </h2>
        {overview.lines.length === 0 ? (
          <p className={muted}>No billable usage this month yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Item</TableHead>
                <TableHead className="text-right">Quantity</TableHead>
                <TableHead className="text-right">Unit price</TableHead>
                <TableHead className="text-right">Amount</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.lines.map((line) => (
                <TableRow key={line.eventName}>
                  <TableCell>{line.label}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {number(line.quantity, line.unit === "GB-hours" ? 3 : 0)} {line.unit}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {line.unitPrice === null ? "not billed" : `${usd(line.unitPrice, 6)} / ${line.priceUnit}`}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{usd(line.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <p className="text-sm">
          Estimated amount this month: <span className="font-semibold">{usd(overview.estimatedTotal)}</span>
          <span className={`ml-2 ${muted}`}>(before tax; Stripe invoices the exact amount)</span>
        </p>
      </section>
    </div>
  );
}
