import { authedRoute, json } from "@/lib/api/handler";
import { getReviewItemForUser } from "@/lib/review/get-review-item";
import { toReviewItemResource } from "@/lib/review/review-item-resource";
import { uuidParamSchema } from "@/schemas/common";

export const GET = authedRoute({ scopes: ["read"] }, async ({ params, principal }) => {
  const id = uuidParamSchema.parse(params.id);
  return json(toReviewItemResource(await getReviewItemForUser({ userId: principal.userId, id })));
});
