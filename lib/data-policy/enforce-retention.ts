import { getDb } from "@/db/client";
import { listOwnersWithRetention } from "@/db/queries/data-policies";
import {
  listRawFileKeys,
  listSessionsKeepingBefore,
  markDerivedDeleted,
  markRawDeleted,
} from "@/db/queries/session-retention";
import { childLogger } from "@/lib/logger";
import { getObjectStore } from "@/lib/storage/get-object-store";

const DAY_MS = 86_400_000;
const log = childLogger("retention");

/**
 * Deletes a processed session's raw recordings: the stored files first, then their rows, its streamed events and
 * its raw byte count (storage metering sums that column, so it stops). The session, its layers and its examples
 * stay. Idempotent: a session whose raw data is already gone is skipped.
 */
export async function deleteRawRecordings(workspaceId: string, sessionId: string, now = new Date()) {
  const db = await getDb();
  const store = await getObjectStore();
  for (const { key } of await listRawFileKeys(db, workspaceId, sessionId)) await store.delete(key);
  return db.transaction((tx) => markRawDeleted(tx, workspaceId, sessionId, now));
}

/** Deletes a processed session's derived artifacts (the explorer's layers); examples and review items stay. */
export async function deleteDerivedArtifacts(workspaceId: string, sessionId: string, now = new Date()) {
  await (await getObjectStore()).deletePrefix(`sessions/${sessionId}/artifacts/`);
  return markDerivedDeleted(await getDb(), workspaceId, sessionId, now);
}

/**
 * The hourly retention run: for each owner with a limit, the sessions processed longer ago than it lose their
 * raw recordings or derived artifacts. At most 500 sessions per owner and kind per run; the next hour continues.
 */
export async function enforceRetention(now = new Date()) {
  const db = await getDb();
  let raw = 0;
  let derived = 0;
  for (const owner of await listOwnersWithRetention(db)) {
    if (owner.rawRetentionDays !== null) {
      const before = new Date(now.getTime() - owner.rawRetentionDays * DAY_MS);
      for (const { id } of await listSessionsKeepingBefore(db, owner.ownerId, "raw", before))
        if (await deleteRawRecordings(owner.ownerId, id, now)) raw++;
    }
    if (owner.derivedRetentionDays !== null) {
      const before = new Date(now.getTime() - owner.derivedRetentionDays * DAY_MS);
      for (const { id } of await listSessionsKeepingBefore(db, owner.ownerId, "derived", before))
        if (await deleteDerivedArtifacts(owner.ownerId, id, now)) derived++;
    }
  }
  if (raw + derived > 0) log.info({ raw, derived }, "retention applied");
  return { raw, derived };
}
