import { getDb } from "@/db/client";
import { upsertDataPolicy } from "@/db/queries/data-policies";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";
import type { DataPolicy, UpdateDataPolicyInput } from "@/schemas/data-policy";
import { getDataPolicy } from "./get-data-policy";

/**
 * Changes an owner's redaction level and retention (only the fields given), and records who changed what from
 * what in the audit log in the same transaction. A new level applies to sessions processed from now on.
 */
export async function updateDataPolicy(input: {
  ownerId: string;
  actorId: string;
  changes: UpdateDataPolicyInput;
  meta: RequestMeta;
}): Promise<DataPolicy> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getDataPolicy(input.ownerId, tx);
    const after: DataPolicy = {
      redaction: input.changes.redaction ?? before.redaction,
      retention: { ...before.retention, ...input.changes.retention },
    };
    await upsertDataPolicy(tx, input.ownerId, {
      redaction: after.redaction,
      rawRetentionDays: after.retention.raw_days,
      derivedRetentionDays: after.retention.derived_days,
    });
    await recordAuditEvent(
      {
        type: "data_policy.updated",
        workspaceId: input.ownerId,
        userId: input.actorId,
        target: { type: "workspace", id: input.ownerId },
        before: { ...before },
        after: { ...after },
      },
      input.meta,
      tx,
    );
    return after;
  });
}
