import { desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog } from "../schema";

export type AuditAction =
  | "user.sign_up"
  | "user.sign_in"
  | "user.signed_out_everywhere"
  | "user.password_changed"
  | "api_key.created"
  | "api_key.revoked"
  | "review_item.accepted"
  | "review_item.rejected"
  | "workspace.created"
  | "workspace.updated"
  | "workspace.invitation_created"
  | "workspace.invitation_revoked"
  | "workspace.invitation_accepted"
  | "workspace.member_role_changed"
  | "workspace.member_removed"
  | "workspace.member_left"
  | "data_policy.updated"
  | "session.deleted"
  | "example.deleted"
  | "session.imported"
  | "session.exported";

export async function insertAuditEntry(
  db: Database,
  entry: {
    userId: string | null;
    action: AuditAction;
    ip: string | null;
    userAgent: string | null;
    metadata?: Record<string, unknown>;
  },
) {
  await db.insert(auditLog).values({ ...entry, metadata: entry.metadata ?? {} });
}

export async function listAuditEntriesForUser(db: Database, userId: string, limit = 50) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      metadata: auditLog.metadata,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.userId, userId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
