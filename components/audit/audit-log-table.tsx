import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEventType } from "@/lib/audit/audit-event-types";
import type { AuditEventResource } from "@/schemas/audit-events";
import { AUDIT_EVENT_LABELS } from "./audit-event-labels";

const short = (id: string | null) => (id ? id.slice(0, 8) : "");

function actorText(actor: AuditEventResource["actor"], selfId: string): string {
  if (actor.type === "user") return actor.id === selfId ? "You" : `User ${short(actor.id)}`;
  if (actor.type === "api_key") return `API key ${short(actor.id)}`;
  if (actor.type === "system") return actor.id === "stripe" ? "Stripe" : "System";
  return "Anonymous";
}

const changeText = (event: AuditEventResource) =>
  [
    event.before && `before ${JSON.stringify(event.before)}`,
    event.after && `after ${JSON.stringify(event.after)}`,
  ]
    .filter(Boolean)
    .join(" → ");

/** Wide on purpose (hashes, ids, addresses): it scrolls inside its own box on a phone, the page does not. */
export function AuditLogTable({ events, selfId }: { events: AuditEventResource[]; selfId: string }) {
  return (
    <div className="min-w-0 rounded-md border">
      <Table className="min-w-[56rem]" aria-label="Audit log entries">
        <TableHeader>
          <TableRow>
            <TableHead>Time (UTC)</TableHead>
            <TableHead>Event</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>Address</TableHead>
            <TableHead>Change</TableHead>
            <TableHead>Hash</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell className="whitespace-nowrap tabular-nums">
                <time dateTime={event.created_at}>{event.created_at.slice(0, 19).replace("T", " ")}</time>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {AUDIT_EVENT_LABELS[event.type as AuditEventType] ?? event.type}
                <span className="block font-mono text-xs text-muted-foreground">{event.type}</span>
              </TableCell>
              <TableCell className="whitespace-nowrap" title={event.actor.id ?? undefined}>
                {actorText(event.actor, selfId)}
              </TableCell>
              <TableCell className="whitespace-nowrap font-mono text-xs" title={event.target?.id}>
                {event.target ? `${event.target.type} ${short(event.target.id)}` : "—"}
              </TableCell>
              <TableCell
                className="whitespace-nowrap font-mono text-xs"
                title={event.user_agent ?? undefined}
              >
                {event.ip ?? "—"}
              </TableCell>
              <TableCell className="max-w-[18rem] truncate font-mono text-xs" title={changeText(event)}>
                {changeText(event) || "—"}
              </TableCell>
              <TableCell className="font-mono text-xs" title={event.hash}>
                {event.hash.slice(0, 12)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
