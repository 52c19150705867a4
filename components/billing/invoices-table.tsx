import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PastInvoice } from "@/lib/billing/get-billing-overview";
import { formatDay, usdFromCents } from "./format";

export function InvoicesTable({ invoices }: { invoices: PastInvoice[] }) {
  return (
    <Table data-testid="invoices">
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>Period</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          <TableHead>Links</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((invoice) => (
          <TableRow key={invoice.id}>
            <TableCell>{invoice.number ?? invoice.id}</TableCell>
            <TableCell>
              {formatDay(invoice.periodStart)} – {formatDay(invoice.periodEnd)}
            </TableCell>
            <TableCell className="capitalize">{invoice.status ?? "draft"}</TableCell>
            <TableCell className="text-right tabular-nums">{usdFromCents(invoice.amountCents)}</TableCell>
            <TableCell className="flex gap-3">
              {invoice.hostedUrl && (
                <a className="underline" href={invoice.hostedUrl} target="_blank" rel="noreferrer">
                  View invoice
                </a>
              )}
              {invoice.pdfUrl && (
                <a className="underline" href={invoice.pdfUrl} target="_blank" rel="noreferrer">
                  PDF
                </a>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
