import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { importSessionBundle } from "@/lib/bundles/import-session-bundle";
import { AppError, badRequest } from "@/lib/errors";
import { refuseDeclaredOverLimit } from "@/lib/ingest/read-limited-body";
import { MAX_MULTIPART_UPLOAD_BYTES } from "@/lib/sessions/upload-session";
import { importBundleFieldsSchema } from "@/schemas/bundles";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["full"], permission: "upload", uploads: true },
  async ({ request, principal }) => {
    refuseDeclaredOverLimit(request, MAX_MULTIPART_UPLOAD_BYTES);
    const form = await request.formData().catch(() => {
      throw badRequest("Send the bundle as multipart/form-data in the field 'file'");
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) {
      throw new AppError({
        code: "unprocessable",
        message: "Attach a session bundle (.tar.gz) in the field 'file'",
        extensions: { errors: [{ field: "file", code: "required", message: "A bundle file is required" }] },
      });
    }
    const fields = importBundleFieldsSchema.parse({ dry_run: form.get("dry_run") ?? undefined });
    const report = await importSessionBundle({
      workspaceId: principal.workspaceId,
      userId: principal.userId,
      file,
      dryRun: fields.dry_run,
      meta: readRequestMeta(request.headers),
    });
    return json(report, { status: fields.dry_run ? 200 : 201 });
  },
);
