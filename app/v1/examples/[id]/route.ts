import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { deleteExample } from "@/lib/examples/delete-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForUser } from "@/lib/examples/get-example";

export const GET = authedRoute({ scopes: ["read"] }, async ({ params, principal }) => {
  const example = await getExampleForUser({ userId: principal.userId, exampleId: String(params.id) });
  return json(toExampleResource(example));
});

// Deleting needs a full-scope credential, as for sessions.
export const DELETE = authedRoute({ scopes: [] }, async ({ request, params, principal }) => {
  await deleteExample({
    userId: principal.userId,
    exampleId: String(params.id),
    meta: readRequestMeta(request.headers),
  });
  return new Response(null, { status: 204 });
});
