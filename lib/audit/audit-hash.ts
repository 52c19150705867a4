import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** What the hash covers: every column of an entry except `hash` itself. */
export interface ChainedAuditEntry {
  id: string;
  workspaceId: string | null;
  seq: number;
  type: string;
  actorType: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  prevHash: string | null;
}

/**
 * `hash` = hex SHA-256 of the RFC 8785 canonical JSON of the entry, `prev_hash` included, so an entry commits to
 * everything before it in its chain. Times are hashed at millisecond precision (what a JS Date holds) and JSON
 * values as they read back from jsonb, so the writer and `audit:verify` hash the same bytes.
 */
export function hashAuditEntry(entry: ChainedAuditEntry): string {
  const document = {
    id: entry.id,
    workspace_id: entry.workspaceId,
    seq: entry.seq,
    type: entry.type,
    actor: { type: entry.actorType, id: entry.actorId },
    target: { type: entry.targetType, id: entry.targetId },
    request_id: entry.requestId,
    ip: entry.ip,
    user_agent: entry.userAgent,
    before: entry.before,
    after: entry.after,
    metadata: entry.metadata,
    created_at: entry.createdAt.toISOString(),
    prev_hash: entry.prevHash,
  };
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new Error("audit entry has no canonical JSON");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export type ChainBreak = { id: string; seq: number; reason: string };

/**
 * Checks one chain given in `seq` order, continuing from the previous batch's last entry (`previous`): numbering
 * without gaps from 1, each `prev_hash` naming the entry before, each `hash` matching the entry's content.
 */
export function findChainBreak(
  entries: readonly (ChainedAuditEntry & { hash: string | null })[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let last = previous;
  for (const entry of entries) {
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq)
      return { id: entry.id, seq: entry.seq, reason: `seq ${entry.seq}, expected ${expectedSeq}` };
    if (entry.prevHash !== (last?.hash ?? null))
      return { id: entry.id, seq: entry.seq, reason: "prev_hash does not match the previous entry's hash" };
    if (!entry.hash) return { id: entry.id, seq: entry.seq, reason: "entry is not sealed (no hash)" };
    if (hashAuditEntry(entry) !== entry.hash)
      return { id: entry.id, seq: entry.seq, reason: "hash does not match the entry's content" };
    last = { seq: entry.seq, hash: entry.hash };
  }
  return null;
}
