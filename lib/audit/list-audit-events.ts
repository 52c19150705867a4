import { getDb } from "@/db/client";
import { type AuditListFilter, type AuditRow, listAuditEntries } from "@/db/queries/audit-log";
import type { AuditEventResource, ListAuditEventsQuery } from "@/schemas/audit-events";
import { AUDIT_ACTOR_TYPES, type AuditActorType, type AuditEventType } from "./audit-event-types";

const DAY_MS = 86_400_000;
const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `user:<id>`, `api_key:<id>`, `system:stripe`, `anonymous`, or a bare actor id. */
export function parseActorFilter(actor: string | undefined): Pick<AuditListFilter, "actorType" | "actorId"> {
  if (!actor) return {};
  const colon = actor.indexOf(":");
  const head = colon === -1 ? actor : actor.slice(0, colon);
  if ((AUDIT_ACTOR_TYPES as readonly string[]).includes(head)) {
    const id = colon === -1 ? undefined : actor.slice(colon + 1);
    return { actorType: head, ...(id ? { actorId: id } : {}) };
  }
  return { actorId: actor };
}

/** A date names a whole UTC day: `from` its start, `to` the start of the next day (exclusive). */
function toBound(value: string | undefined, side: "from" | "to"): Date | undefined {
  if (!value) return undefined;
  const at = new Date(isDateOnly(value) ? `${value}T00:00:00.000Z` : value);
  return side === "to" && isDateOnly(value) ? new Date(at.getTime() + DAY_MS) : at;
}

export const toAuditEventResource = (row: AuditRow & { workspaceId: string }): AuditEventResource => ({
  id: row.id,
  workspace_id: row.workspaceId,
  seq: row.seq,
  type: row.type as AuditEventType,
  actor: { type: row.actorType as AuditActorType, id: row.actorId },
  target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
  request_id: row.requestId,
  ip: row.ip,
  user_agent: row.userAgent,
  before: row.before,
  after: row.after,
  metadata: row.metadata,
  created_at: row.createdAt.toISOString(),
  prev_hash: row.prevHash,
  hash: row.hash ?? "",
});

export type AuditEventsFilter = Omit<ListAuditEventsQuery, "format" | "limit">;

/** One page of a workspace's log, newest first; `next_cursor` is the last entry's `seq` (keyset). */
export async function listAuditEvents(
  workspaceId: string,
  query: AuditEventsFilter & { limit: number },
): Promise<{ data: AuditEventResource[]; next_cursor: string | null }> {
  const rows = await listAuditEntries(await getDb(), {
    workspaceId,
    type: query.type,
    ...parseActorFilter(query.actor),
    from: toBound(query.from, "from"),
    to: toBound(query.to, "to"),
    beforeSeq: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toAuditEventResource({ ...row, workspaceId })),
    next_cursor: rows.length > query.limit && last ? String(last.seq) : null,
  };
}
