import type { Metadata } from "next";
import Link from "next/link";
import { AuditLogFilters } from "@/components/audit/audit-log-filters";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { auditLogCsvHref, auditLogHref } from "@/components/audit/audit-log-url";
import { newerPage, olderPage, pageNumberOf, toPageTrail } from "@/components/list-url/page-trail";
import { Button } from "@/components/ui/button";
import { AUDIT_LOG_PERMISSION, authorizeAuditLogRead } from "@/lib/audit/authorize-audit-log";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireSessionMember } from "@/lib/auth/session";
import { can } from "@/lib/workspaces/policy";
import { auditLogSearchSchema } from "@/schemas/audit-events";
import { pageTrailParamsSchema } from "@/schemas/page-trail";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireSessionMember("/settings/audit-log");
  if (!can(member.role, AUDIT_LOG_PERMISSION)) {
    return (
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground">
          Only admins and owners of this workspace can read its audit log. Your role is {member.role}.
        </p>
      </div>
    );
  }
  const { workspaceId } = authorizeAuditLogRead(member);
  const raw = await searchParams;
  const single = Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
  // Empty form fields arrive as "": the same as absent.
  const present = Object.fromEntries(Object.entries(single).filter(([, value]) => value));
  const search = auditLogSearchSchema.parse(present);
  const trail = toPageTrail(pageTrailParamsSchema.parse(present));
  const cursor = /^[0-9]+$/.test(trail.cursor) ? trail.cursor : undefined;
  const page = await listAuditEvents(workspaceId, { ...search, cursor, limit: PAGE_SIZE });
  const pageNumber = pageNumberOf(trail);
  const isFiltered = Object.values(search).some(Boolean);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-muted-foreground">
            Every sign-in, key, member, setting, deletion, review decision and billing change in this
            workspace. Entries cannot be changed; each carries the hash of the one before it (
            <code>npm run audit:verify</code>).
          </p>
        </div>
        <Button variant="outline" asChild>
          <a href={auditLogCsvHref(search)} download>
            Download CSV
          </a>
        </Button>
      </div>
      <AuditLogFilters search={search} />
      {page.data.length === 0 ? (
        <p className="rounded-md border p-6 text-sm text-muted-foreground">
          {isFiltered ? "No entries match these filters." : "No entries yet."}
        </p>
      ) : (
        <AuditLogTable events={page.data} selfId={member.userId} />
      )}
      {(pageNumber > 1 || page.next_cursor) && (
        <nav
          aria-label="Pages"
          className="flex items-center justify-between gap-2 text-sm text-muted-foreground"
        >
          <span>Page {pageNumber}</span>
          <div className="flex gap-2">
            {pageNumber > 1 && (
              <Button variant="outline" size="sm" asChild>
                <Link href={auditLogHref(search, newerPage(trail))}>Newer</Link>
              </Button>
            )}
            {page.next_cursor && (
              <Button variant="outline" size="sm" asChild>
                <Link href={auditLogHref(search, olderPage(trail, page.next_cursor))}>Older</Link>
              </Button>
            )}
          </div>
        </nav>
      )}
    </div>
  );
}
