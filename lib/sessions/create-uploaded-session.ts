import { getDb } from "@/db/client";
import { insertSessionFiles } from "@/db/queries/session-files";
import { insertSession } from "@/db/queries/sessions";
import type { Actor } from "@/lib/auth/principal";
import { transactionWithEvents } from "@/lib/events/emit-events";
import { statedTimezone } from "./create-streaming-session";
import { toSessionResponse } from "./session-response";

export interface StoredUpload {
  fileName: string;
  storageKey: string;
  sizeBytes: number;
  contentType?: string;
  format: string;
}

/**
 * The session row for recordings already stored under `sessions/<id>/`, its file rows and the event that starts
 * the pipeline, in one transaction. Shared by the multipart upload and the direct-upload completion.
 */
export async function createUploadedSession(args: {
  sessionId: string;
  actor: Actor;
  suiteId: string;
  suiteIds?: string[] | null;
  description?: string | null;
  timezone?: string;
  files: StoredUpload[];
}) {
  const db = await getDb();
  const formats = new Set(args.files.map((f) => f.format));
  const session = await transactionWithEvents(db, async (tx, emit) => {
    const row = await insertSession(tx, {
      id: args.sessionId,
      workspaceId: args.actor.workspaceId,
      userId: args.actor.userId,
      suiteId: args.suiteId,
      suiteIds: args.suiteIds ?? null,
      description: args.description || null,
      ...statedTimezone(args.timezone),
      status: "uploaded",
      sourceFormat: formats.size === 1 ? [...formats][0] : "mixed",
      rawBytes: args.files.reduce((sum, f) => sum + f.sizeBytes, 0),
    });
    if (!row) throw new Error("session insert returned no row");
    await insertSessionFiles(
      tx,
      args.files.map((f) => ({
        sessionId: row.id,
        fileName: f.fileName,
        storageKey: f.storageKey,
        sizeBytes: f.sizeBytes,
        contentType: f.contentType,
        format: f.format,
      })),
    );
    emit({
      name: "session/uploaded",
      data: { sessionId: row.id, workspaceId: args.actor.workspaceId, userId: args.actor.userId },
      id: `session-uploaded-${row.id}`,
    });
    return row;
  });
  return toSessionResponse(session);
}

/** A file name as a storage key segment: its base name, only safe characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "recording";
  const cleaned = base
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "")
    .slice(-120);
  return cleaned || "recording";
}
