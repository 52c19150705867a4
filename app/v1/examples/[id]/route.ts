import { settleAp2PaymentOnRetrieval } from "@/lib/ap2/settle-ap2-payment";
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
  // An AP2 example settles its payment when it is retrieved finished (capture the cost, release the rest).
  const payment = await settleAp2PaymentOnRetrieval(example);
  return json({ ...toExampleResource(example), ...(payment ? { payment } : {}) });
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
