import { type Database, getDb } from "@/db/client";
import { deleteWorkspaceRows, listWorkspaceStorageOwners } from "@/db/queries/workspace-deletion";
import { cancelWorkspaceSubscriptions } from "@/lib/billing/cancel-workspace-subscriptions";
import { getEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { DeletionCounts } from "@/schemas/deletion";
import { emptyCounts } from "./deletion-receipt";

const log = childLogger("deletion");

/** Storage deletions in flight at once: Vercel Blob answers each list/delete in ~100 ms, so a pool, not a loop. */
const STORAGE_CONCURRENCY = 8;

const prefixesOf = (owners: { sessionIds: string[]; exampleIds: string[] }) => [
  ...owners.sessionIds.map((id) => `sessions/${id}/`),
  ...owners.exampleIds.map((id) => `examples/${id}/`),
];

/** Deletes every object under the prefixes, counting objects and bytes as listed just before. */
async function deleteStoredObjects(prefixes: string[]): Promise<{ objects: number; bytes: number }> {
  const store = await getObjectStore();
  const removed = { objects: 0, bytes: 0 };
  const queue = [...prefixes];
  const worker = async () => {
    for (let prefix = queue.shift(); prefix !== undefined; prefix = queue.shift()) {
      const listed = await store.list(prefix);
      await store.deletePrefix(prefix);
      removed.objects += listed.length;
      removed.bytes += listed.reduce((sum, object) => sum + object.size, 0);
    }
  };
  await Promise.all(Array.from({ length: STORAGE_CONCURRENCY }, worker));
  return removed;
}

export interface ErasedWorkspace {
  workspaceId: string;
  name: string;
  counts: DeletionCounts;
}

/**
 * Removes a workspace with everything it holds, in an order that is safe to repeat after a failure at any point:
 * (1) its Stripe subscriptions are canceled, (2) its stored objects are deleted while its rows still name them,
 * (3) one transaction deletes its rows and audit chain (`inTransaction` adds what must commit with them), then
 * (4) objects of sessions created between (2) and (3) are deleted. Storage metering counts rows, so it stops at
 * (3). Returns undefined when the workspace does not exist (already deleted).
 */
export async function eraseWorkspace(
  workspaceId: string,
  /** What must commit with the deletion (its audit entry), given the counts known by then. */
  inTransaction?: (tx: Database, counts: DeletionCounts) => Promise<void>,
): Promise<ErasedWorkspace | undefined> {
  const db = await getDb();
  const stripeConfigured = Boolean(getEnv().STRIPE_SECRET_KEY);
  const canceled = stripeConfigured ? await cancelWorkspaceSubscriptions(workspaceId) : 0;
  const owners = await listWorkspaceStorageOwners(db, workspaceId);
  const stored = await deleteStoredObjects(prefixesOf(owners));
  const result = await db.transaction(async (tx) => {
    const late = await listWorkspaceStorageOwners(tx, workspaceId);
    const rows = await deleteWorkspaceRows(tx, workspaceId);
    if (!rows) return undefined;
    const counts: DeletionCounts = {
      ...emptyCounts(),
      sessions: rows.sessions,
      objects: stored.objects,
      bytes: stored.bytes,
      examples: rows.examples,
      review_items: rows.reviewItems,
      api_keys: rows.apiKeys,
      members: rows.members,
      invitations: rows.invitations,
      audit_entries: rows.auditEntries,
      stripe_subscriptions_canceled: canceled,
    };
    await inTransaction?.(tx, counts);
    return { rows, late, counts };
  });
  if (!result) return undefined;
  const seen = new Set(prefixesOf(owners));
  const late = await deleteStoredObjects(prefixesOf(result.late).filter((prefix) => !seen.has(prefix)));
  const counts = {
    ...result.counts,
    objects: stored.objects + late.objects,
    bytes: stored.bytes + late.bytes,
  };
  const { rows } = result;
  log.info({ workspaceId, counts }, "workspace erased");
  return { workspaceId, name: rows.name, counts };
}
