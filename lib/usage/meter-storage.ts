import { getDb } from "@/db/client";
import { sumStoredBytesPerUser } from "@/db/queries/pipeline-artifacts";
import { findLastStorageMeasurements, insertUsageRecords } from "@/db/queries/usage-records";

const HOUR_MS = 3_600_000;

/**
 * Charges storage as byte-hours: each user's current stored bytes × whole hours since their last measurement
 * (at most `maxHours`, so a long outage does not bill a burst at today's size). The record of an hour bucket
 * has the key `storage:<user>:<bucket>`, so running twice in one hour records nothing new.
 */
export async function meterStorage(
  now = new Date(),
  maxHours = 24,
): Promise<{ users: number; inserted: number }> {
  const db = await getDb();
  const bucket = Math.floor(now.getTime() / HOUR_MS);
  const [bytesByUser, lastByUser] = await Promise.all([
    sumStoredBytesPerUser(db),
    findLastStorageMeasurements(db),
  ]);
  const records = [];
  for (const [userId, bytes] of bytesByUser) {
    if (bytes <= 0) continue;
    const last = lastByUser.get(userId);
    const lastBucket = last ? Math.floor(last.getTime() / HOUR_MS) : bucket - 1;
    const hours = Math.min(maxHours, bucket - lastBucket);
    if (hours <= 0) continue;
    records.push({
      userId,
      kind: "storage_byte_hours" as const,
      modelId: null,
      quantity: bytes * hours,
      subject: `storage:${userId}`,
      idempotencyKey: `storage:${userId}:${bucket}`,
      occurredAt: new Date(bucket * HOUR_MS),
    });
  }
  return { users: records.length, inserted: await insertUsageRecords(db, records) };
}
