import { authedRoute } from "@/lib/api/handler";
import { deleteSession } from "@/lib/sessions/delete-session";
import { getSessionDetail } from "@/lib/sessions/get-session";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) =>
  Response.json(await getSessionDetail(principal.workspaceId, String(params.id))),
);

// Deleting needs a full-scope credential: an ingest or read-only key must not be able to destroy data.
export const DELETE = authedRoute(
  { scopes: [], permission: "delete_data" },
  async ({ params, principal, meta }) => {
    await deleteSession(principal, String(params.id), meta);
    return new Response(null, { status: 204 });
  },
);
