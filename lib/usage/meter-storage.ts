import { getDb } from "@/db/client";
import { sumStoredBytesPerWorkspace } from "@/db/queries/pipeline-artifacts";
import { findLastStorageMeasurements, insertUsageRecords } from "@/db/queries/usage-records";
import { checkBudgetThresholds } from "@/lib/budgets/check-budget-thresholds";
import { transactionWithEvents } from "@/lib/events/emit-events";

const HOUR_MS = 3_600_000;

/**
 * Charges storage as byte-hours: each workspace's current stored bytes × whole hours since their last measurement
 * (at most `maxHours`, so a long outage does not bill a burst at today's size). The record of an hour bucket
 * has the key `storage:<workspace>:<bucket>` (a personal workspace's id is its user's, so keys of older records still match), so running twice in one hour records nothing new.
 */
export async function meterStorage(
  now = new Date(),
  maxHours = 24,
): Promise<{ users: number; inserted: number }> {
  const db = await getDb();
  const bucket = Math.floor(now.getTime() / HOUR_MS);
  const [bytesByWorkspace, lastByWorkspace] = await Promise.all([
    sumStoredBytesPerWorkspace(db),
    findLastStorageMeasurements(db),
  ]);
  const records = [];
  for (const [workspaceId, bytes] of bytesByWorkspace) {
    if (bytes <= 0) continue;
    const last = lastByWorkspace.get(workspaceId);
    const lastBucket = last ? Math.floor(last.getTime() / HOUR_MS) : bucket - 1;
    const hours = Math.min(maxHours, bucket - lastBucket);
    if (hours <= 0) continue;
    records.push({
      workspaceId,
      kind: "storage_byte_hours" as const,
      modelId: null,
      quantity: bytes * hours,
      subject: `storage:${workspaceId}`,
      idempotencyKey: `storage:${workspaceId}:${bucket}`,
      occurredAt: new Date(bucket * HOUR_MS),
    });
  }
  const inserted = await insertUsageRecords(db, records);
  // Storage is billed too: each measured workspace's budget thresholds are checked after its hour is recorded.
  if (inserted > 0)
    for (const record of records)
      await transactionWithEvents(db, (tx, emit) =>
        checkBudgetThresholds(tx, { workspaceId: record.workspaceId, now, emit }),
      );
  return { users: records.length, inserted };
}
