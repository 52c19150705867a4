import { type Database, getDb } from "@/db/client";
import { type AuditAction, insertAuditEntry } from "@/db/queries/audit-log";
import type { RequestMeta } from "@/lib/auth/request-meta";

/**
 * Appends one row to the append-only audit log (a database trigger refuses updates and deletes). Pass `db` (a
 * transaction) when the row must commit or roll back with the change it records.
 */
export async function recordAuditEvent(
  action: AuditAction,
  actor: { userId: string | null },
  meta: RequestMeta,
  metadata?: Record<string, unknown>,
  db?: Database,
): Promise<void> {
  db ??= await getDb();
  await insertAuditEntry(db, {
    userId: actor.userId,
    action,
    ip: meta.ip,
    userAgent: meta.userAgent,
    metadata,
  });
}
