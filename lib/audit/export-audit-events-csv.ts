import { stringify } from "csv-stringify/sync";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { AuditEventResource } from "@/schemas/audit-events";
import { type AuditEventsFilter, listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

const PAGE = 500;

const COLUMNS = [
  "created_at",
  "type",
  "actor_type",
  "actor_id",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "request_id",
  "before",
  "after",
  "metadata",
  "seq",
  "prev_hash",
  "hash",
] as const;

const json = (value: unknown) => (value == null ? "" : JSON.stringify(value));

function toCsvRow(event: AuditEventResource): string[] {
  return [
    event.created_at,
    event.type,
    event.actor.type,
    event.actor.id ?? "",
    event.target?.type ?? "",
    event.target?.id ?? "",
    event.ip ?? "",
    event.user_agent ?? "",
    event.request_id ?? "",
    json(event.before),
    json(event.after),
    json(event.metadata),
    String(event.seq),
    event.prev_hash ?? "",
    event.hash,
  ];
}

/**
 * The workspace's matching entries as CSV, newest first, read page by page as the client consumes the stream.
 * Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'` by
 * csv-stringify's `escape_formulas`: user agents and key names come from outside. The export is itself audited.
 */
export async function exportAuditEventsCsv(
  workspaceId: string,
  filter: AuditEventsFilter,
  meta: RequestMeta,
  actorUserId: string,
): Promise<ReadableStream<Uint8Array>> {
  await recordAuditEvent(
    {
      type: "audit_log.exported",
      workspaceId,
      userId: actorUserId,
      target: { type: "workspace", id: workspaceId },
      metadata: { format: "csv", filter: { ...filter, cursor: undefined } },
    },
    meta,
  );
  const encoder = new TextEncoder();
  let cursor: string | undefined = filter.cursor;
  let isFirst = true;
  let isDone = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isDone) return controller.close();
      const page = await listAuditEvents(workspaceId, { ...filter, cursor, limit: PAGE });
      const text = stringify(page.data.map(toCsvRow), {
        header: isFirst,
        columns: [...COLUMNS],
        escape_formulas: true,
      });
      isFirst = false;
      if (text) controller.enqueue(encoder.encode(text));
      cursor = page.next_cursor ?? undefined;
      isDone = page.next_cursor === null;
    },
  });
}
