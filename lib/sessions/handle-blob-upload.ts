import { type HandleUploadBody, handleUpload } from "@vercel/blob/client";
import { getDb } from "@/db/client";
import { findDirectUploadFileState } from "@/db/queries/direct-upload-files";
import type { Actor } from "@/lib/auth/principal";
import { getEnv, isBlobStorage } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { MAX_DIRECT_UPLOAD_BYTES } from "@/schemas/sessions";
import { verifyUploadToken } from "./upload-token";

const conflict = (message: string) => new AppError({ code: "conflict", message });

/**
 * Vercel Blob client uploads (`@vercel/blob/client` `upload()` → this route → client token). The browser passes
 * the session token from `POST /v1/uploads` as `clientPayload`; only the pathnames it reserved get a token.
 * Completion is the explicit `POST /v1/uploads/complete`, so no upload-completed callback is registered.
 */
export async function handleBlobUpload(request: Request, actor: Actor) {
  if (!isBlobStorage())
    throw notFound("Vercel Blob uploads are not enabled on this server; use the upload_url");
  const body = (await request.json()) as HandleUploadBody;
  const result = await handleUpload({
    body,
    request,
    token: getEnv().BLOB_READ_WRITE_TOKEN,
    onBeforeGenerateToken: async (pathname, clientPayload) => {
      const claims = await verifyUploadToken(clientPayload ?? "", "session");
      if (
        claims.userId !== actor.userId ||
        claims.workspaceId !== actor.workspaceId ||
        !claims.keys.includes(pathname)
      ) {
        throw forbidden(`'${pathname}' was not reserved by this upload`);
      }
      const file = { workspaceId: actor.workspaceId, sessionId: claims.sessionId, storageKey: pathname };
      const state = await findDirectUploadFileState(await getDb(), file);
      if (!state) throw notFound("Upload");
      if (state !== "reserved") throw conflict(`'${pathname}' is already uploaded and cannot be replaced`);
      // Blob refuses to write over an existing pathname, so a file stays as it was first uploaded.
      return { maximumSizeInBytes: MAX_DIRECT_UPLOAD_BYTES, addRandomSuffix: false, allowOverwrite: false };
    },
  });
  return Response.json(result);
}
