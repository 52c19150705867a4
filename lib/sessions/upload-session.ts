import { z } from "zod";
import type { Actor } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { idOrSlugSchema } from "@/schemas/common";
import { uploadSessionFieldsSchema } from "@/schemas/sessions";
import { timezoneSchema } from "@/schemas/timezone";
import { resolveSuiteId } from "./create-streaming-session";
import { createUploadedSession } from "./create-uploaded-session";
import { receiveMultipartUpload } from "./receive-multipart-upload";
import { resolveSessionSuites } from "./resolve-session-suites";
import { assertStorageQuota } from "./storage-quota";

/** The zone field alone, so a bad zone is refused (422 naming `timezone`) before any file is stored. */
const timezoneFieldSchema = z.object({ timezone: timezoneSchema });
/** The suite field alone, so a bad value (e.g. a NUL) is refused as a 422 naming `suite_id`, not looked up. */
const suiteIdFieldSchema = z.object({ suite_id: idOrSlugSchema });

/**
 * Limit of one multipart request through the function. Larger recordings use the direct upload
 * (POST /v1/uploads), which sends the bytes to storage without passing through a function body.
 */
export const MAX_MULTIPART_UPLOAD_BYTES = 100 * 1024 * 1024;

/** `POST /v1/sessions` multipart: stream the files to storage, create the session, start the pipeline. */
export async function uploadSession(request: Request, actor: Actor) {
  const sessionId = crypto.randomUUID();
  // The declared length when there is one (refused before any byte is stored), else checked once received.
  const declared = Number(request.headers.get("content-length") ?? "0") || 0;
  await assertStorageQuota(actor.workspaceId, declared);
  const store = await getObjectStore();
  // `suite_ids` may be repeated; the parser keeps only the last value of a field, so collect them here.
  const suiteIdValues: string[] = [];
  const { fields, files } = await receiveMultipartUpload(request, {
    sessionId,
    store,
    maxBytes: MAX_MULTIPART_UPLOAD_BYTES,
    // Checking fields as soon as they arrive avoids storing files for a request that will fail.
    onField: async (name, value) => {
      if (name === "suite_id") await resolveSuiteId(suiteIdFieldSchema.parse({ suite_id: value }).suite_id);
      if (name === "suite_ids") suiteIdValues.push(value);
      if (name === "timezone") timezoneFieldSchema.parse({ timezone: value });
    },
  });
  try {
    const input = uploadSessionFieldsSchema.parse({
      ...fields,
      ...(suiteIdValues.length > 0 ? { suite_ids: suiteIdValues.join(",") } : {}),
    });
    const { suiteId, suiteIds } = await resolveSessionSuites(input);
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
        actor.workspaceId,
        files.reduce((sum, f) => sum + f.sizeBytes, 0),
      );
    return await createUploadedSession({
      sessionId,
      actor,
      suiteId,
      suiteIds,
      description: input.description,
      ...(input.timezone ? { timezone: input.timezone } : {}),
      files,
    });
  } catch (error) {
    await store.deletePrefix(`sessions/${sessionId}/`).catch(() => undefined);
    throw error;
  }
}
