import { authedRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { databaseIngestDeps } from "@/lib/ingest/database-ingest-deps";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { isUuid } from "@/lib/sessions/get-session";

export const dynamic = "force-dynamic";

export const POST = authedRoute({ scopes: ["ingest"] }, async ({ request, params, principal }) => {
  const sessionId = String(params.id);
  if (!isUuid(sessionId)) throw notFound("Session");
  return ingestEvents({ request, userId: principal.userId, sessionId, deps: databaseIngestDeps });
});
