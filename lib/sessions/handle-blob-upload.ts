import { type HandleUploadBody, handleUpload } from "@vercel/blob/client";
import { getEnv, isBlobStorage } from "@/lib/env";
import { forbidden, notFound } from "@/lib/errors";
import { MAX_DIRECT_UPLOAD_BYTES } from "@/schemas/sessions";
import { verifyUploadToken } from "./upload-token";

/**
 * Vercel Blob client uploads (`@vercel/blob/client` `upload()` → this route → client token). The browser passes
 * the session token from `POST /v1/uploads` as `clientPayload`; only the pathnames it reserved get a token.
 * Completion is the explicit `POST /v1/uploads/complete`, so no upload-completed callback is registered.
 */
export async function handleBlobUpload(request: Request, userId: string) {
  if (!isBlobStorage())
    throw notFound("Vercel Blob uploads are not enabled on this server; use the upload_url");
  const body = (await request.json()) as HandleUploadBody;
  const result = await handleUpload({
    body,
    request,
    token: getEnv().BLOB_READ_WRITE_TOKEN,
    onBeforeGenerateToken: async (pathname, clientPayload) => {
      const claims = await verifyUploadToken(clientPayload ?? "", "session");
      if (claims.userId !== userId || !claims.keys.includes(pathname)) {
        throw forbidden(`'${pathname}' was not reserved by this upload`);
      }
      return { maximumSizeInBytes: MAX_DIRECT_UPLOAD_BYTES, addRandomSuffix: false, allowOverwrite: true };
    },
  });
  return Response.json(result);
}
