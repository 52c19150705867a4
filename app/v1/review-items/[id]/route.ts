import { authedRoute, json } from "@/lib/api/handler";
import { getReviewItemForWorkspace } from "@/lib/review/get-review-item";
import { toReviewItemResource } from "@/lib/review/review-item-resource";
import { uuidParamSchema } from "@/schemas/common";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ params, principal }) => {
  const id = uuidParamSchema.parse(params.id);
  return json(
    toReviewItemResource(await getReviewItemForWorkspace({ workspaceId: principal.workspaceId, id })),
  );
});
