import { authedRoute } from "@/lib/api/handler";
import { parseJsonBytes, readJsonBodyBytes } from "@/lib/api/read-json-body";
import { databaseIdempotencyStore } from "@/lib/ingest/database-ingest-deps";
import { withIdempotency } from "@/lib/ingest/idempotency";
import { createStreamingSession } from "@/lib/sessions/create-streaming-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { uploadSession } from "@/lib/sessions/upload-session";
import { createStreamingSessionSchema, listSessionsQuerySchema } from "@/schemas/sessions";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ request, principal }) => {
  const query = listSessionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listSessions(principal.workspaceId, query));
});

/** multipart/form-data uploads recordings; application/json opens an empty session for streaming. */
export const POST = authedRoute(
  { scopes: ["ingest"], uploads: true, permission: "upload" },
  async ({ request, principal }) => {
    if (/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
      return Response.json(await uploadSession(request, principal), { status: 201 });
    }
    const body = await readJsonBodyBytes(request);
    return withIdempotency(
      {
        request,
        body,
        workspaceId: principal.workspaceId,
        scope: "sessions:create",
        store: databaseIdempotencyStore,
      },
      async () => {
        const input = createStreamingSessionSchema.parse(parseJsonBytes(body, "empty-object"));
        return { status: 201, body: await createStreamingSession(principal, input) };
      },
    );
  },
);
