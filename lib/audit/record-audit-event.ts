import { type Database, getDb } from "@/db/client";
import { findAuditChainHead, insertAuditRow, lockAuditChain } from "@/db/queries/audit-log";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { AuditActorType, AuditEventType } from "./audit-event-types";
import { hashAuditEntry } from "./audit-hash";

export interface AuditEvent {
  type: AuditEventType;
  /** The workspace whose log holds the entry (today a user's personal workspace: the user's id); null if none. */
  workspaceId: string | null;
  /** Defaults to the request's API key (`meta.apiKeyId`), else `userId`'s user. */
  actor?: { type: AuditActorType; id: string | null };
  userId?: string | null;
  target?: { type: string; id: string } | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  metadata?: Record<string, unknown>;
}

/** What jsonb gives back: undefined properties dropped, so the writer hashes what a verifier will read. */
const asStored = <T>(value: T): T => (value == null ? value : (JSON.parse(JSON.stringify(value)) as T));

function actorOf(event: AuditEvent, meta: RequestMeta): { type: AuditActorType; id: string | null } {
  if (event.actor) return event.actor;
  if (meta.apiKeyId) return { type: "api_key", id: meta.apiKeyId };
  if (event.userId) return { type: "user", id: event.userId };
  return { type: "anonymous", id: null };
}

/**
 * Appends one entry to its workspace's hash chain, inside a transaction that holds the chain's advisory lock, so
 * concurrent appends take turns and never fork the chain. Pass `db` (a transaction) when the entry must commit or
 * roll back with the change it records; the lock is then held until that transaction ends.
 */
export async function recordAuditEvent(event: AuditEvent, meta: RequestMeta, db?: Database): Promise<void> {
  db ??= await getDb();
  const actor = actorOf(event, meta);
  await db.transaction(async (tx) => {
    await lockAuditChain(tx, event.workspaceId);
    const { head, ip } = await findAuditChainHead(tx, { workspaceId: event.workspaceId, ip: meta.ip });
    const entry = {
      id: crypto.randomUUID(),
      workspaceId: event.workspaceId,
      seq: (head?.seq ?? 0) + 1,
      type: event.type,
      actorType: actor.type,
      actorId: actor.id,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      requestId: meta.requestId ?? null,
      ip,
      userAgent: meta.userAgent,
      before: asStored(event.before ?? null),
      after: asStored(event.after ?? null),
      metadata: asStored(event.metadata ?? {}),
      createdAt: new Date(),
      prevHash: head?.hash ?? null,
    };
    await insertAuditRow(tx, { ...entry, hash: hashAuditEntry(entry) });
  });
}
