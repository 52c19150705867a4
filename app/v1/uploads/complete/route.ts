import { authedRoute } from "@/lib/api/handler";
import { completeUpload } from "@/lib/sessions/direct-upload";
import { completeUploadSchema } from "@/schemas/sessions";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["ingest"], permission: "upload" },
  async ({ request, principal }) => {
    const input = completeUploadSchema.parse(await request.json().catch(() => ({})));
    return Response.json(await completeUpload(principal, input), { status: 201 });
  },
);
