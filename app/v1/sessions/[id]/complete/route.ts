import { authedRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { completeSession } from "@/lib/sessions/complete-session";
import { isUuid } from "@/lib/sessions/get-session";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["ingest"], permission: "upload" },
  async ({ params, principal }) => {
    const sessionId = String(params.id);
    if (!isUuid(sessionId)) throw notFound("Session");
    return Response.json(await completeSession(principal, sessionId));
  },
);
