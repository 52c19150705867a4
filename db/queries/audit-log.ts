import { and, asc, desc, eq, gt, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog } from "../schema";

/** Advisory-lock class of the audit chains ("AUDT"); the second key is the chain's workspace. */
const AUDIT_CHAIN_LOCK_CLASS = 0x41554454;

const chainIs = (workspaceId: string | null): SQL =>
  workspaceId === null ? isNull(auditLog.workspaceId) : eq(auditLog.workspaceId, workspaceId);

/**
 * Serializes appends to one chain until the caller's transaction ends: two requests at once take turns, so they
 * never both read the same head and fork the chain (the unique (workspace_id, seq) constraint backs this up).
 */
export async function lockAuditChain(tx: Database, workspaceId: string | null): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_CLASS}, hashtext(${workspaceId ?? ""}))`,
  );
}

/** The last entry of a chain, and the client address as Postgres will store and return it (`inet` output). */
export async function findAuditChainHead(
  tx: Database,
  input: { workspaceId: string | null; ip: string | null },
): Promise<{ head: { seq: number; hash: string | null } | null; ip: string | null }> {
  const [head] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(chainIs(input.workspaceId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let ip: string | null = null;
  if (input.ip) {
    const rows = await tx.execute<{ ip: string }>(sql`select host(${input.ip}::inet) as ip`);
    ip = (rows as unknown as { rows: { ip: string }[] }).rows[0]?.ip ?? null;
  }
  return { head: head ?? null, ip };
}

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert & { hash: string; createdAt: Date };

export async function insertAuditRow(tx: Database, row: NewAuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
}

/** Every column, with `ip` as `host(ip)` so a reader hashes the same text the writer did. */
const rowColumns = {
  id: auditLog.id,
  workspaceId: auditLog.workspaceId,
  seq: auditLog.seq,
  type: auditLog.type,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  requestId: auditLog.requestId,
  ip: sql<string | null>`host(${auditLog.ip})`.as("ip"),
  userAgent: auditLog.userAgent,
  before: auditLog.before,
  after: auditLog.after,
  metadata: auditLog.metadata,
  createdAt: auditLog.createdAt,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

export interface AuditListFilter {
  workspaceId: string;
  type?: string;
  actorType?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: entries with a lower `seq` (newest first). */
  beforeSeq?: number;
  limit: number;
}

/** One workspace's entries, newest first. The workspace is always in the WHERE clause. */
export async function listAuditEntries(db: Database, filter: AuditListFilter): Promise<AuditRow[]> {
  const conditions = [eq(auditLog.workspaceId, filter.workspaceId)];
  if (filter.type) conditions.push(eq(auditLog.type, filter.type));
  if (filter.actorType) conditions.push(eq(auditLog.actorType, filter.actorType));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  if (filter.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  return db
    .select(rowColumns)
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit);
}

/** The workspaces that have a chain (null: the chain of events no workspace owns). */
export async function listAuditChains(db: Database): Promise<(string | null)[]> {
  const rows = await db.selectDistinct({ workspaceId: auditLog.workspaceId }).from(auditLog);
  return rows.map((r) => r.workspaceId);
}

/** A batch of one chain in `seq` order, for verifying and sealing. */
export async function listAuditChainBatch(
  db: Database,
  input: { workspaceId: string | null; afterSeq: number; limit: number },
): Promise<AuditRow[]> {
  return db
    .select(rowColumns)
    .from(auditLog)
    .where(and(chainIs(input.workspaceId), gt(auditLog.seq, input.afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(input.limit);
}

export async function hasUnsealedAuditEntries(db: Database): Promise<boolean> {
  const rows = await db.select({ id: auditLog.id }).from(auditLog).where(isNull(auditLog.hash)).limit(1);
  return rows.length > 0;
}

/**
 * Runs `write` with the append-only trigger paused and the table locked (ALTER TABLE takes an exclusive lock
 * until commit): only for sealing rows written before the chain existed.
 */
export async function withAuditTriggerPaused<T>(
  db: Database,
  write: (tx: Database) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    const result = await write(tx);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    return result;
  });
}

/** Sets the hashes of rows that have none, in one statement per batch. */
export async function sealAuditRows(
  tx: Database,
  rows: readonly { id: string; prevHash: string | null; hash: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::uuid, ${r.prevHash}::text, ${r.hash}::text)`),
    sql`, `,
  );
  await tx.execute(sql`
    update audit_log set prev_hash = sealed.prev_hash, hash = sealed.hash
    from (values ${values}) as sealed (id, prev_hash, hash)
    where audit_log.id = sealed.id and audit_log.hash is null`);
}
