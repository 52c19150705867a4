import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ReconciledLine } from "@/lib/billing/get-billing-overview";
import { formatQuantity, usdFromCents } from "./format";

/** This period's invoice line by line: our ledger priced by the price list beside Stripe's preview. */
export function ReconciliationTable({ lines, hasPreview }: { lines: ReconciledLine[]; hasPreview: boolean }) {
  return (
    <Table data-testid="reconciliation">
      <TableHeader>
        <TableRow>
          <TableHead>Item</TableHead>
          <TableHead>Price</TableHead>
          <TableHead className="text-right">Ledger quantity</TableHead>
          <TableHead className="text-right">Ledger amount</TableHead>
          {hasPreview && <TableHead className="text-right">Stripe quantity</TableHead>}
          {hasPreview && <TableHead className="text-right">Stripe amount</TableHead>}
          {hasPreview && <TableHead>Check</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.key} data-line={line.key}>
            <TableCell>
              {line.label}
              {line.pendingQuantity > 0 && (
                <span className="block text-xs text-muted-foreground">
                  + {formatQuantity(line.pendingQuantity, line.unit)} recorded, not yet sent to Stripe
                </span>
              )}
            </TableCell>
            <TableCell className="tabular-nums">
              ${line.price.usd} / {line.price.per}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatQuantity(line.ledgerQuantity, line.unit)}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="ledger-amount">
              {usdFromCents(line.ledgerCents)}
            </TableCell>
            {hasPreview && (
              <TableCell className="text-right tabular-nums">
                {formatQuantity(line.stripeQuantity ?? 0, line.unit)}
              </TableCell>
            )}
            {hasPreview && (
              <TableCell className="text-right tabular-nums" data-testid="stripe-amount">
                {usdFromCents(line.stripeCents ?? 0)}
              </TableCell>
            )}
            {hasPreview && (
              <TableCell className={line.isMatch ? "text-success" : "font-semibold text-danger"}>
                {line.isMatch ? "Matches" : "Mismatch"}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
