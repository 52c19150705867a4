import { eq, isNotNull, or } from "drizzle-orm";
import type { Database } from "../client";
import { dataPolicies } from "../schema";

const columns = {
  redaction: dataPolicies.redaction,
  rawRetentionDays: dataPolicies.rawRetentionDays,
  derivedRetentionDays: dataPolicies.derivedRetentionDays,
  updatedAt: dataPolicies.updatedAt,
};

export type DataPolicyRow = {
  redaction: "off" | "standard" | "strict";
  rawRetentionDays: number | null;
  derivedRetentionDays: number | null;
};

export async function findDataPolicy(db: Database, ownerId: string) {
  const [row] = await db.select(columns).from(dataPolicies).where(eq(dataPolicies.ownerId, ownerId));
  return row;
}

export async function upsertDataPolicy(db: Database, ownerId: string, policy: DataPolicyRow) {
  const [row] = await db
    .insert(dataPolicies)
    .values({ ownerId, ...policy })
    .onConflictDoUpdate({ target: dataPolicies.ownerId, set: { ...policy, updatedAt: new Date() } })
    .returning(columns);
  return row;
}

/** Owners with any retention limit (the hourly retention run visits only these). */
export async function listOwnersWithRetention(db: Database) {
  return db
    .select({ ownerId: dataPolicies.ownerId, ...columns })
    .from(dataPolicies)
    .where(or(isNotNull(dataPolicies.rawRetentionDays), isNotNull(dataPolicies.derivedRetentionDays)));
}
