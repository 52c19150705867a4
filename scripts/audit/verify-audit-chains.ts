import type { Database } from "@/db/client";
import { listAuditChainBatch, listAuditChains } from "@/db/queries/audit-log";
import { type ChainBreak, findChainBreak } from "@/lib/audit/audit-hash";

const BATCH = 1000;

export interface ChainReport {
  chains: number;
  entriesChecked: number;
  /** The first broken entry, with the chain it is in (null: the chain no workspace owns). */
  broken: (ChainBreak & { workspaceId: string | null }) | null;
}

/**
 * Walks every chain in `seq` order, batch by batch, and stops at the first broken entry. A removed entry shows as
 * a gap in `seq` or a `prev_hash` that no longer matches; an altered one as a hash that no longer matches. (Cutting
 * entries off a chain's end leaves a shorter valid chain: compare `chains`/head hashes with an earlier run's.)
 */
export async function verifyAuditChains(db: Database): Promise<ChainReport> {
  const report: ChainReport = { chains: 0, entriesChecked: 0, broken: null };
  for (const workspaceId of await listAuditChains(db)) {
    report.chains += 1;
    let last: { seq: number; hash: string } | null = null;
    for (;;) {
      const rows = await listAuditChainBatch(db, { workspaceId, afterSeq: last?.seq ?? 0, limit: BATCH });
      const broken = findChainBreak(rows, last);
      if (broken) {
        report.entriesChecked += rows.findIndex((r) => r.id === broken.id) + 1;
        report.broken = { ...broken, workspaceId };
        return report;
      }
      report.entriesChecked += rows.length;
      const tail = rows.at(-1);
      if (tail?.hash) last = { seq: tail.seq, hash: tail.hash };
      if (rows.length < BATCH) break;
    }
  }
  return report;
}
