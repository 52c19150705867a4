import Link from "next/link";
import { formatBytes, formatInteger } from "@/components/dashboard/format-usage";
import { StatusBadge } from "@/components/sessions/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import type { ExampleResource } from "@/schemas/examples";
import { formatOf } from "./example-status";

/** Rows of examples; `showSession` is off where the session is already known (the session page). */
export function ExamplesTable({
  examples,
  labels,
  showSession = true,
}: {
  examples: ExampleResource[];
  labels?: CatalogLabels;
  showSession?: boolean;
}) {
  return (
    <Table aria-label="Examples">
      <TableHeader>
        <TableRow>
          <TableHead>Example</TableHead>
          {showSession ? <TableHead>Session</TableHead> : null}
          <TableHead>Model</TableHead>
          <TableHead>Format</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Records</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {examples.map((e) => (
          <TableRow key={e.id} data-testid="example-row" className="hover:bg-muted">
            <TableCell>
              <Link className="font-mono font-medium text-link hover:underline" href={`/examples/${e.id}`}>
                {e.id.slice(0, 8)}
              </Link>
            </TableCell>
            {showSession ? (
              <TableCell>
                <Link className="font-mono hover:underline" href={`/sessions/${e.session_id}`}>
                  {e.session_id.slice(0, 8)}
                </Link>
                <span className="ml-1 text-xs text-muted-foreground">{labels?.suites[e.suite_id]}</span>
              </TableCell>
            ) : null}
            <TableCell>{labels?.models[e.model_id] ?? e.model_id.slice(0, 8)}</TableCell>
            <TableCell>{formatOf(e)}</TableCell>
            <TableCell>
              <StatusBadge status={e.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {e.record_count === null ? "—" : formatInteger(e.record_count)}
              {e.size_bytes !== null ? (
                <span className="ml-1 text-xs text-muted-foreground">({formatBytes(e.size_bytes)})</span>
              ) : null}
            </TableCell>
            <TableCell className="text-muted-foreground">
              <time dateTime={e.created_at}>{new Date(e.created_at).toLocaleString()}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
