import { getDb } from "@/db/client";
import { findBudget } from "@/db/queries/budgets";
import { sumStoredAndReservedBytesForWorkspace } from "@/db/queries/storage-usage";
import { assertPaidWorkAllowed } from "@/lib/billing/assert-paid-work-allowed";
import { getEnv, isStripeConfigured } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * The per-account storage quota (TRACEPIPE_STORAGE_QUOTA_BYTES; 0 = none). Answered with 413, not 402: billing
 * is usage-based with no plan to buy, so paying cannot lift the quota — deleting sessions (or asking for a larger
 * quota) can. 413 says what happened: this content is more than the account may still store.
 */
export async function assertStorageQuota(workspaceId: string, incomingBytes: number): Promise<void> {
  const quota = getEnv().TRACEPIPE_STORAGE_QUOTA_BYTES;
  if (!quota && !isStripeConfigured() && !(await findBudget(await getDb(), { workspaceId }))?.hardCap) return;
  // Upload tokens live an hour; a reservation older than two cannot be used any more.
  const used = await sumStoredAndReservedBytesForWorkspace(
    await getDb(),
    workspaceId,
    new Date(Date.now() - 2 * 60 * 60 * 1000),
  );
  // Beyond the free allowance storage is billed, which needs a card (402); the quota is a hard limit (413).
  await assertPaidWorkAllowed({ accountId: workspaceId, storedBytesAfter: used + incomingBytes });
  if (!quota || used + incomingBytes <= quota) return;
  throw new AppError({
    code: "storage_quota_exceeded",
    message: `This upload (${incomingBytes} bytes) would exceed the account's storage quota of ${quota} bytes (${used} bytes in use); delete sessions to free space`,
    extensions: { quota_bytes: quota, used_bytes: used, upload_bytes: incomingBytes },
  });
}
