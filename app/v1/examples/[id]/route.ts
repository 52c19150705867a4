import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { deleteExample } from "@/lib/examples/delete-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForWorkspace } from "@/lib/examples/get-example";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const example = await getExampleForWorkspace({
    workspaceId: principal.workspaceId,
    exampleId: String(params.id),
  });
  return json(toExampleResource(example));
});

// Deleting needs a full-scope credential, as for sessions.
export const DELETE = authedRoute(
  { scopes: [], permission: "delete_data" },
  async ({ request, params, principal }) => {
    await deleteExample({
      workspaceId: principal.workspaceId,
      actorId: principal.userId,
      exampleId: String(params.id),
      meta: readRequestMeta(request.headers),
    });
    return new Response(null, { status: 204 });
  },
);
