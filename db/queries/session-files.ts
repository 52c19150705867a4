import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { sessionFiles } from "../schema";

export type NewSessionFile = typeof sessionFiles.$inferInsert;

export async function insertSessionFiles(db: Database, files: NewSessionFile[]) {
  if (files.length === 0) return [];
  return db.insert(sessionFiles).values(files).returning();
}

/**
 * A session's files in upload order (one upload shares a time; then by name). No user filter here: callers reach
 * files only through a session already checked for ownership, or the session's own pipeline run.
 */
export async function listSessionFiles(db: Database, sessionId: string) {
  return db
    .select({
      id: sessionFiles.id,
      fileName: sessionFiles.fileName,
      storageKey: sessionFiles.storageKey,
      sizeBytes: sessionFiles.sizeBytes,
      format: sessionFiles.format,
      createdAt: sessionFiles.createdAt,
    })
    .from(sessionFiles)
    .where(eq(sessionFiles.sessionId, sessionId))
    .orderBy(asc(sessionFiles.createdAt), asc(sessionFiles.fileName));
}
