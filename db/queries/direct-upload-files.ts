import { and, eq, inArray, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { directUploadFiles } from "../schema";

type State = (typeof directUploadFiles.$inferSelect)["state"];
interface FileKey {
  workspaceId: string;
  sessionId: string;
  storageKey: string;
}

const byFile = (args: FileKey) =>
  and(
    eq(directUploadFiles.storageKey, args.storageKey),
    eq(directUploadFiles.sessionId, args.sessionId),
    eq(directUploadFiles.workspaceId, args.workspaceId),
  );

export async function reserveDirectUploadFiles(
  db: Database,
  rows: { workspaceId: string; userId: string; sessionId: string; storageKey: string; maxBytes: number }[],
) {
  if (rows.length > 0) await db.insert(directUploadFiles).values(rows);
}

/**
 * Takes the file for one PUT: only a reserved file (or one whose PUT died before `staleBefore`) can be taken,
 * so a token is used once and a completed file is never replaced. Returns false when it could not be taken.
 */
export async function startDirectUploadFile(db: Database, args: FileKey & { staleBefore: Date }) {
  const rows = await db
    .update(directUploadFiles)
    .set({ state: "uploading", updatedAt: new Date() })
    .where(
      and(
        byFile(args),
        or(
          eq(directUploadFiles.state, "reserved"),
          and(eq(directUploadFiles.state, "uploading"), lt(directUploadFiles.updatedAt, args.staleBefore)),
        ),
      ),
    )
    .returning({ key: directUploadFiles.storageKey });
  return rows.length > 0;
}

export async function findDirectUploadFileState(db: Database, args: FileKey): Promise<State | undefined> {
  const [row] = await db
    .select({ state: directUploadFiles.state })
    .from(directUploadFiles)
    .where(byFile(args))
    .limit(1);
  return row?.state;
}

/** Moves a file from `from` to `to`; false when it was not in `from` (deleted or taken over meanwhile). */
export async function moveDirectUploadFile(db: Database, args: FileKey & { from: State; to: State }) {
  const rows = await db
    .update(directUploadFiles)
    .set({ state: args.to, updatedAt: new Date() })
    .where(and(byFile(args), eq(directUploadFiles.state, args.from)))
    .returning({ key: directUploadFiles.storageKey });
  return rows.length > 0;
}

/** Marks the listed files completed in one statement; returns the keys it completed (only those in `from`). */
export async function completeDirectUploadFiles(
  db: Database,
  args: { workspaceId: string; sessionId: string; storageKeys: string[]; from: State[] },
) {
  const rows = await db
    .update(directUploadFiles)
    .set({ state: "completed", updatedAt: new Date() })
    .where(
      and(
        eq(directUploadFiles.sessionId, args.sessionId),
        eq(directUploadFiles.workspaceId, args.workspaceId),
        inArray(directUploadFiles.storageKey, args.storageKeys),
        inArray(directUploadFiles.state, args.from),
      ),
    )
    .returning({ key: directUploadFiles.storageKey });
  return rows.map((r) => r.key);
}

export async function deleteDirectUploadFilesForSession(
  db: Database,
  args: { workspaceId: string; sessionId: string },
) {
  await db
    .delete(directUploadFiles)
    .where(
      and(
        eq(directUploadFiles.sessionId, args.sessionId),
        eq(directUploadFiles.workspaceId, args.workspaceId),
      ),
    );
}
