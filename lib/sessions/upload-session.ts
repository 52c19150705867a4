import { AppError } from "@/lib/errors";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { uploadSessionFieldsSchema } from "@/schemas/sessions";
import { resolveSuiteId } from "./create-streaming-session";
import { createUploadedSession } from "./create-uploaded-session";
import { receiveMultipartUpload } from "./receive-multipart-upload";
import { assertStorageQuota } from "./storage-quota";

/**
 * Limit of one multipart request through the function. Larger recordings use the direct upload
 * (POST /v1/uploads), which sends the bytes to storage without passing through a function body.
 */
export const MAX_MULTIPART_UPLOAD_BYTES = 100 * 1024 * 1024;

/** `POST /v1/sessions` multipart: stream the files to storage, create the session, start the pipeline. */
export async function uploadSession(request: Request, userId: string) {
  const sessionId = crypto.randomUUID();
  // The declared length when there is one (refused before any byte is stored), else checked once received.
  const declared = Number(request.headers.get("content-length") ?? "0") || 0;
  await assertStorageQuota(userId, declared);
  const store = await getObjectStore();
  let suiteId: string | undefined;
  const { fields, files } = await receiveMultipartUpload(request, {
    sessionId,
    store,
    maxBytes: MAX_MULTIPART_UPLOAD_BYTES,
    // Checking the suite as soon as its field arrives avoids storing files for a request that will fail.
    onField: async (name, value) => {
      if (name === "suite_id")
        suiteId = await resolveSuiteId(
          uploadSessionFieldsSchema.pick({ suite_id: true }).parse({ suite_id: value }).suite_id,
        );
    },
  });
  try {
    const input = uploadSessionFieldsSchema.parse(fields);
    suiteId ??= await resolveSuiteId(input.suite_id);
    if (files.length === 0) {
      throw new AppError({
        code: "unprocessable",
        message: "Attach at least one recording in the field 'file'",
        extensions: {
          errors: [{ field: "file", code: "required", message: "At least one file is required" }],
        },
      });
    }
    if (!declared)
      await assertStorageQuota(
        userId,
        files.reduce((sum, f) => sum + f.sizeBytes, 0),
      );
    return await createUploadedSession({ sessionId, userId, suiteId, description: input.description, files });
  } catch (error) {
    await store.deletePrefix(`sessions/${sessionId}/`).catch(() => undefined);
    throw error;
  }
}
