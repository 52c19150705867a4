import { type ChainBreak, findChainBreak } from "@/lib/audit/audit-hash";
import type { AuditEventResource } from "@/schemas/audit-events";

/**
 * What a workspace can do with its own log from the API: recompute every entry's hash from the JSON and check the
 * links. `events` as the API pages them (newest first), from the chain's start.
 */
export function findBreakInAuditEvents(events: readonly AuditEventResource[]): ChainBreak | null {
  const chain = [...events].reverse().map((e) => ({
    id: e.id,
    workspaceId: e.workspace_id,
    seq: e.seq,
    type: e.type,
    actorType: e.actor.type,
    actorId: e.actor.id,
    targetType: e.target?.type ?? null,
    targetId: e.target?.id ?? null,
    requestId: e.request_id,
    ip: e.ip,
    userAgent: e.user_agent,
    before: e.before,
    after: e.after,
    metadata: e.metadata,
    createdAt: new Date(e.created_at),
    prevHash: e.prev_hash,
    hash: e.hash,
  }));
  return findChainBreak(chain, null);
}
