import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { directUploadFiles, sessions } from "../schema";

/**
 * Raw recording bytes an account holds or has reserved: its sessions' stored bytes plus direct uploads reserved
 * and not yet completed (counted at their declared size, so parallel uploads cannot overshoot the quota) while
 * their tokens can still be used: a reservation untouched for `reservedSince` no longer counts.
 */
export async function sumStoredAndReservedBytesForWorkspace(
  db: Database,
  workspaceId: string,
  reservedSince: Date,
): Promise<number> {
  const [stored] = await db
    .select({ bytes: sql<string>`coalesce(sum(${sessions.rawBytes}), 0)::text` })
    .from(sessions)
    .where(eq(sessions.workspaceId, workspaceId));
  const [reserved] = await db
    .select({ bytes: sql<string>`coalesce(sum(${directUploadFiles.maxBytes}), 0)::text` })
    .from(directUploadFiles)
    .where(
      and(
        eq(directUploadFiles.workspaceId, workspaceId),
        inArray(directUploadFiles.state, ["reserved", "uploading", "uploaded"]),
        gt(directUploadFiles.updatedAt, reservedSince),
      ),
    );
  return Number(stored?.bytes ?? 0) + Number(reserved?.bytes ?? 0);
}
