import { publicRoute } from "@/lib/api/handler";
import { receiveDirectUpload } from "@/lib/sessions/direct-upload";

export const dynamic = "force-dynamic";

// The signed token in the URL is the credential: it names one storage key and its size, and expires.
export const PUT = publicRoute(async ({ request, params }) =>
  Response.json(await receiveDirectUpload(String(params.token), request)),
);
