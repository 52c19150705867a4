import { authedRoute } from "@/lib/api/handler";
import { beginUpload } from "@/lib/sessions/direct-upload";
import { beginUploadSchema } from "@/schemas/sessions";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["ingest"], permission: "upload" },
  async ({ request, principal }) => {
    const input = beginUploadSchema.parse(await request.json().catch(() => ({})));
    return Response.json(await beginUpload(principal, input), { status: 201 });
  },
);
