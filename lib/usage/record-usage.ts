import { getDb } from "@/db/client";
import { insertUsageRecords, type UsageKind } from "@/db/queries/usage-records";

export interface UsageItem {
  kind: UsageKind;
  quantity: number;
  modelId?: string | null;
  /** Distinguishes two items of the same kind for one subject (e.g. two models). */
  discriminator?: string;
}

/**
 * Records usage for one subject (e.g. `example:<id>`). The idempotency key is derived from the subject, kind,
 * model and discriminator, so a retried or re-driven step records nothing twice. Zero quantities are skipped.
 */
export async function recordUsage(input: {
  /** The workspace billed. */
  workspaceId: string;
  /** Who caused it, when a person did. */
  userId?: string | null;
  subject: string;
  items: UsageItem[];
  occurredAt?: Date;
}): Promise<{ inserted: number }> {
  const records = input.items
    .filter((item) => item.quantity > 0)
    .map((item) => ({
      workspaceId: input.workspaceId,
      userId: input.userId ?? null,
      kind: item.kind,
      modelId: item.modelId ?? null,
      quantity: Math.round(item.quantity),
      subject: input.subject,
      idempotencyKey: [input.subject, item.kind, item.modelId ?? "-", item.discriminator ?? "-"].join(":"),
      occurredAt: input.occurredAt ?? new Date(),
    }));
  const inserted = await insertUsageRecords(await getDb(), records);
  return { inserted };
}
