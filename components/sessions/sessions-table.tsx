import Link from "next/link";
import type { SessionResponse } from "@/schemas/sessions";
import type { SuiteOption } from "./session-filters";
import { StatusBadge } from "./status-badge";

/** One page of sessions as rows; placeholder rows while the first load is pending. */
export function SessionsTable({
  sessions,
  suites,
  isPending,
}: {
  sessions: Pick<SessionResponse, "id" | "suite_id" | "description" | "status" | "created_at">[];
  suites: SuiteOption[];
  isPending: boolean;
}) {
  const suiteName = new Map(suites.map((s) => [s.id, s.name]));
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b text-xs text-muted-foreground">
        <tr>
          <th className="py-2 pr-4 font-medium">Session</th>
          <th className="py-2 pr-4 font-medium">Suite</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 font-medium">Created</th>
        </tr>
      </thead>
      <tbody>
        {isPending &&
          Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
            <tr key={i} className="animate-pulse border-b">
              <td colSpan={4} className="py-3">
                <div className="h-4 w-2/3 rounded bg-skeleton" />
              </td>
            </tr>
          ))}
        {sessions.map((s) => (
          <tr key={s.id} data-testid="session-row" className="border-b hover:bg-muted">
            <td className="py-2 pr-4">
              <Link className="font-medium text-link hover:underline" href={`/sessions/${s.id}`}>
                {s.description || "Untitled session"}
              </Link>
              <div className="font-mono text-xs text-muted-foreground">{s.id}</div>
            </td>
            <td className="py-2 pr-4">{suiteName.get(s.suite_id) ?? "—"}</td>
            <td className="py-2 pr-4">
              <StatusBadge status={s.status} />
            </td>
            <td className="py-2 text-muted-foreground">
              <time dateTime={s.created_at}>{new Date(s.created_at).toLocaleString()}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
