import { authedRoute } from "@/lib/api/handler";
import { AUDIT_LOG_PERMISSION, authorizeAuditLogRead } from "@/lib/audit/authorize-audit-log";
import { exportAuditEventsCsv } from "@/lib/audit/export-audit-events-csv";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditEventsQuerySchema } from "@/schemas/audit-events";

export const dynamic = "force-dynamic";

// Full-scope credentials only (browser sessions, Entra tokens, full keys): the log names every key and address.
export const GET = authedRoute(
  { scopes: [], permission: AUDIT_LOG_PERMISSION },
  async ({ request, principal, meta }) => {
    const { format, limit, ...filter } = listAuditEventsQuerySchema.parse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const { workspaceId } = authorizeAuditLogRead(principal);
    if (format === "csv") {
      const stream = await exportAuditEventsCsv(workspaceId, filter, meta, principal.userId);
      return new Response(stream, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    return Response.json(await listAuditEvents(workspaceId, { ...filter, limit }));
  },
);
