import { formatInteger } from "@/components/dashboard/format-usage";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UsageRow } from "@/schemas/usage";

const KIND_LABELS: Record<UsageRow["kind"], string> = {
  input_tokens: "Input tokens",
  output_tokens: "Output tokens",
  storage_byte_hours: "Storage (byte-hours)",
  events_ingested: "Events ingested",
  examples_generated: "Example records",
  sessions_processed: "Sessions processed",
};

/** The range's totals per kind and model, the numbers the charts draw. */
export function UsageTotals({ rows }: { rows: UsageRow[] }) {
  const totals = new Map<string, { label: string; model: string; quantity: number; usd?: number }>();
  for (const row of rows) {
    const key = `${row.kind}|${row.model ?? ""}`;
    const entry = totals.get(key) ?? { label: KIND_LABELS[row.kind], model: row.model ?? "—", quantity: 0 };
    entry.quantity += row.quantity;
    if (row.amount_usd !== undefined) entry.usd = (entry.usd ?? 0) + row.amount_usd;
    totals.set(key, entry);
  }
  if (totals.size === 0) return <p className="text-sm text-muted-foreground">No usage in this range.</p>;
  return (
    <Table data-testid="usage-totals">
      <TableHeader>
        <TableRow>
          <TableHead>Kind</TableHead>
          <TableHead>Model</TableHead>
          <TableHead className="text-right">Quantity</TableHead>
          <TableHead className="text-right">Cost (USD)</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...totals.entries()].map(([key, t]) => (
          <TableRow key={key}>
            <TableCell>{t.label}</TableCell>
            <TableCell>{t.model}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(t.quantity)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {t.usd === undefined ? "" : `$${t.usd.toFixed(6)}`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
