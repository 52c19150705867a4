import { getDb } from "@/db/client";
import {
  completeDirectUploadFiles,
  findDirectUploadFileState,
  moveDirectUploadFile,
  reserveDirectUploadFiles,
  startDirectUploadFile,
} from "@/db/queries/direct-upload-files";
import type { Actor } from "@/lib/auth/principal";
import { isBlobStorage } from "@/lib/env";
import { AppError, badRequest, notFound, unauthorized } from "@/lib/errors";
import { DETECT_HEAD_BYTES, detectRecordingFormat } from "@/lib/ingest/detect-upload-format";
import { tooLarge } from "@/lib/ingest/read-limited-body";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { BeginUploadInput, CompleteUploadInput } from "@/schemas/sessions";
import { createUploadedSession, safeFileName } from "./create-uploaded-session";
import { unrecognisedFile } from "./receive-multipart-upload";
import { resolveSessionSuites } from "./resolve-session-suites";
import { assertStorageQuota } from "./storage-quota";
import { signUploadToken, verifyUploadToken } from "./upload-token";

const TOKEN_TTL_MS = 60 * 60 * 1000;
/** A PUT that has not finished after this long died with its process; the file may be uploaded again. */
const STALE_PUT_MS = 15 * 60 * 1000;

const alreadyUploaded = (key: string) =>
  new AppError({
    code: "conflict",
    message: `'${key}' has already been uploaded; an uploaded file cannot be replaced (start a new upload)`,
  });

/**
 * Step 1 of a direct upload: reserve a session id and sign where each file may go. Locally each file gets a
 * PUT URL on this server; with Vercel Blob the browser asks `/v1/uploads/blob` for a client token per file.
 */
export async function beginUpload(actor: Actor, input: BeginUploadInput) {
  const { workspaceId, userId } = actor;
  await assertStorageQuota(
    workspaceId,
    input.files.reduce((sum, f) => sum + f.size_bytes, 0),
  );
  const sessionId = crypto.randomUUID();
  const exp = Date.now() + TOKEN_TTL_MS;
  const blob = isBlobStorage();
  const uploads = await Promise.all(
    input.files.map(async (file, index) => {
      const key = `sessions/${sessionId}/${index + 1}-${safeFileName(file.file_name)}`;
      const token = blob
        ? undefined
        : await signUploadToken({
            kind: "file",
            workspaceId,
            userId,
            sessionId,
            key,
            maxBytes: file.size_bytes,
            exp,
          });
      return { file_name: file.file_name, key, upload_url: token ? `/v1/uploads/${token}` : null };
    }),
  );
  await reserveDirectUploadFiles(
    await getDb(),
    uploads.map((u, index) => ({
      workspaceId,
      userId,
      sessionId,
      storageKey: u.key,
      maxBytes: input.files[index]?.size_bytes ?? 0,
    })),
  );
  const sessionToken = await signUploadToken({
    kind: "session",
    workspaceId,
    userId,
    sessionId,
    keys: uploads.map((u) => u.key),
    exp,
  });
  return {
    session_id: sessionId,
    session_token: sessionToken,
    mode: blob ? ("vercel-blob" as const) : ("local" as const),
    handle_upload_url: blob ? "/v1/uploads/blob" : null,
    expires_at: new Date(exp).toISOString(),
    uploads,
  };
}

/** Counts bytes on their way through and fails the stream past `limit`, so a liar cannot overfill storage. */
function byteLimit(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > limit) controller.error(tooLarge(limit, "The uploaded file"));
      else controller.enqueue(chunk);
    },
  });
}

/** Step 2 (local mode): the PUT body streams straight into storage; memory stays constant for any size. */
export async function receiveDirectUpload(token: string, request: Request) {
  const claims = await verifyUploadToken(token, "file");
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > claims.maxBytes)
    throw tooLarge(claims.maxBytes, "The uploaded file");
  if (!request.body) throw badRequest("The upload has no body");
  const db = await getDb();
  const file = { workspaceId: claims.workspaceId, sessionId: claims.sessionId, storageKey: claims.key };
  // Single use: the PUT takes the reserved file, so a second PUT (or one after completion) cannot replace it,
  // and one after the session was deleted finds no reservation.
  const staleBefore = new Date(Date.now() - STALE_PUT_MS);
  if (!(await startDirectUploadFile(db, { ...file, staleBefore }))) {
    const state = await findDirectUploadFileState(db, file);
    if (state) throw alreadyUploaded(claims.key);
    throw notFound("Upload");
  }
  const store = await getObjectStore();
  try {
    const stored = await store.put(claims.key, request.body.pipeThrough(byteLimit(claims.maxBytes)), {
      contentType: request.headers.get("content-type") ?? "application/octet-stream",
    });
    if (!(await moveDirectUploadFile(db, { ...file, from: "uploading", to: "uploaded" }))) {
      // Deleted while the bytes were arriving: leave no orphan behind.
      await store.delete(claims.key).catch(() => undefined);
      throw notFound("Upload");
    }
    return { key: stored.key, size_bytes: stored.size };
  } catch (error) {
    if (await moveDirectUploadFile(db, { ...file, from: "uploading", to: "reserved" }).catch(() => false))
      await store.delete(claims.key).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) throw cause;
    throw error;
  }
}

async function readHead(key: string): Promise<Uint8Array> {
  const stream = await (await getObjectStore()).getStream(key);
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < DETECT_HEAD_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const head = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return head.subarray(0, DETECT_HEAD_BYTES);
}

/** Step 3: every reserved file is in storage; check formats and create the session (201), starting the pipeline. */
export async function completeUpload(actor: Actor, input: CompleteUploadInput) {
  const claims = await verifyUploadToken(input.session_token, "session");
  if (claims.userId !== actor.userId || claims.workspaceId !== actor.workspaceId)
    throw unauthorized("The upload token belongs to another user or workspace");
  const { suiteId, suiteIds } = await resolveSessionSuites(input);
  const store = await getObjectStore();
  const files = [];
  for (const file of input.files) {
    if (!claims.keys.includes(file.key)) throw badRequest(`'${file.key}' was not reserved by this upload`);
    const stored = await store.head(file.key);
    if (!stored) throw badRequest(`'${file.file_name}' has not been uploaded yet`);
    const format = await detectRecordingFormat(await readHead(file.key), file.file_name);
    if (!format) {
      await store.deletePrefix(`sessions/${claims.sessionId}/`).catch(() => undefined);
      throw unrecognisedFile(file.file_name);
    }
    files.push({ fileName: file.file_name, storageKey: file.key, sizeBytes: stored.size, format });
  }
  // Completing consumes the files in one statement: a second completion (or a concurrent one) finds them taken.
  // With Vercel Blob the bytes went straight to Blob, so its files are still `reserved` here.
  const keys = input.files.map((f) => f.key);
  const completed = await completeDirectUploadFiles(await getDb(), {
    workspaceId: actor.workspaceId,
    sessionId: claims.sessionId,
    storageKeys: keys,
    from: isBlobStorage() ? ["reserved", "uploaded"] : ["uploaded"],
  });
  if (completed.length !== keys.length) {
    throw new AppError({ code: "conflict", message: "This upload is already completed or still uploading" });
  }
  return createUploadedSession({
    sessionId: claims.sessionId,
    actor,
    suiteId,
    suiteIds,
    description: input.description,
    ...(input.timezone ? { timezone: input.timezone } : {}),
    files,
  });
}
