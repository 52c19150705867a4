import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AUDIT_EVENT_TYPES } from "@/lib/audit/audit-event-types";
import type { AuditLogSearch } from "@/schemas/audit-events";
import { AUDIT_EVENT_LABELS } from "./audit-event-labels";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditLogFilters({ search }: { search: AuditLogSearch }) {
  return (
    <form
      method="get"
      action="/settings/audit-log"
      aria-label="Filter the audit log"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-type">Event</Label>
        <select id="audit-type" name="type" defaultValue={search.type ?? ""} className={selectClass}>
          <option value="">All events</option>
          {AUDIT_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {AUDIT_EVENT_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input
          id="audit-actor"
          name="actor"
          defaultValue={search.actor ?? ""}
          placeholder="user, api_key:<id>, …"
          autoComplete="off"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={search.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-to">To</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={search.to ?? ""} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" asChild>
          <Link href="/settings/audit-log">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
