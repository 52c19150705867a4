import { authedRoute } from "@/lib/api/handler";
import { handleBlobUpload } from "@/lib/sessions/handle-blob-upload";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["ingest"], permission: "upload" },
  async ({ request, principal }) => handleBlobUpload(request, principal),
);
