import { authedRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { databaseIngestDeps } from "@/lib/ingest/database-ingest-deps";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { isUuid } from "@/lib/sessions/get-session";

export const dynamic = "force-dynamic";

export const POST = authedRoute(
  { scopes: ["ingest"], permission: "upload" },
  async ({ request, params, principal }) => {
    const sessionId = String(params.id);
    if (!isUuid(sessionId)) throw notFound("Session");
    return ingestEvents({ request, workspaceId: principal.workspaceId, sessionId, deps: databaseIngestDeps });
  },
);
