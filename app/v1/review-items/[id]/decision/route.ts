import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { badRequest } from "@/lib/errors";
import { decideReviewItem } from "@/lib/review/decide-review-item";
import { toReviewItemResource } from "@/lib/review/review-item-resource";
import { uuidParamSchema } from "@/schemas/common";
import { reviewDecisionSchema } from "@/schemas/review-items";

export const POST = authedRoute(
  { scopes: ["full"], permission: "review" },
  async ({ request, params, principal }) => {
    const id = uuidParamSchema.parse(params.id);
    const body = await request.json().catch(() => {
      throw badRequest("The request body must be JSON");
    });
    const decided = await decideReviewItem({
      actor: principal,
      id,
      body: reviewDecisionSchema.parse(body),
      meta: readRequestMeta(request.headers),
    });
    return json(toReviewItemResource(decided));
  },
);
