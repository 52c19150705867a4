import { hashAuditEntry } from "@/lib/audit/audit-hash";
import type { Database } from "./client";
import {
  hasUnsealedAuditEntries,
  listAuditChainBatch,
  listAuditChains,
  sealAuditRows,
  withAuditTriggerPaused,
} from "./queries/audit-log";

const BATCH = 1000;

/**
 * Fills in `prev_hash` and `hash` of entries written before the chain existed (migration 0014 numbered them in
 * the order they were written). Deterministic: the same rows give the same hashes. Runs at start-up right after
 * the migrations, before anything appends; a database without such rows costs one indexed query.
 */
export async function sealAuditChain(db: Database): Promise<number> {
  if (!(await hasUnsealedAuditEntries(db))) return 0;
  return withAuditTriggerPaused(db, async (tx) => {
    let sealed = 0;
    for (const workspaceId of await listAuditChains(tx)) {
      let last: { seq: number; hash: string | null } = { seq: 0, hash: null };
      for (;;) {
        const rows = await listAuditChainBatch(tx, { workspaceId, afterSeq: last.seq, limit: BATCH });
        const seals: { id: string; prevHash: string | null; hash: string }[] = [];
        for (const row of rows) {
          let hash = row.hash;
          if (!hash) {
            hash = hashAuditEntry({ ...row, prevHash: last.hash });
            seals.push({ id: row.id, prevHash: last.hash, hash });
          }
          last = { seq: row.seq, hash };
        }
        await sealAuditRows(tx, seals);
        sealed += seals.length;
        if (rows.length < BATCH) break;
      }
    }
    return sealed;
  });
}
