import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { usageRecords } from "../schema";

export type UsageKind = (typeof usageRecords.$inferInsert)["kind"];
export type NewUsageRecord = Pick<
  typeof usageRecords.$inferInsert,
  | "workspaceId"
  | "userId"
  | "apiKeyId"
  | "prepaid"
  | "kind"
  | "modelId"
  | "quantity"
  | "subject"
  | "idempotencyKey"
  | "occurredAt"
>;

/** Inserts the records whose idempotency key is new; returns how many were inserted. */
export async function insertUsageRecords(db: Database, records: NewUsageRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const inserted = await db
    .insert(usageRecords)
    .values(records)
    .onConflictDoNothing({ target: usageRecords.idempotencyKey })
    .returning({ id: usageRecords.id });
  return inserted.length;
}

export async function listUsageRecordsForWorkspace(
  db: Database,
  filter: { workspaceId: string; kind?: UsageKind; subject?: string; since?: Date; limit?: number },
) {
  const conditions = [eq(usageRecords.workspaceId, filter.workspaceId)];
  if (filter.kind) conditions.push(eq(usageRecords.kind, filter.kind));
  if (filter.subject) conditions.push(eq(usageRecords.subject, filter.subject));
  if (filter.since) conditions.push(gte(usageRecords.occurredAt, filter.since));
  return db
    .select({
      id: usageRecords.id,
      kind: usageRecords.kind,
      modelId: usageRecords.modelId,
      quantity: usageRecords.quantity,
      subject: usageRecords.subject,
      idempotencyKey: usageRecords.idempotencyKey,
      occurredAt: usageRecords.occurredAt,
    })
    .from(usageRecords)
    .where(and(...conditions))
    .orderBy(desc(usageRecords.occurredAt))
    .limit(filter.limit ?? 1000);
}

/** The end of the last storage measurement per workspace, so byte-hours are charged once per interval. */
export async function findLastStorageMeasurements(db: Database): Promise<Map<string, Date>> {
  const rows = await db
    .select({ workspaceId: usageRecords.workspaceId, last: sql<string>`max(${usageRecords.occurredAt})` })
    .from(usageRecords)
    .where(eq(usageRecords.kind, "storage_byte_hours"))
    .groupBy(usageRecords.workspaceId);
  return new Map(rows.map((r) => [r.workspaceId, new Date(r.last)]));
}
