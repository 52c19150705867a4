import { authedRoute, json } from "@/lib/api/handler";
import { listReviewItems } from "@/lib/review/list-review-items";
import { listReviewItemsQuerySchema } from "@/schemas/review-items";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ request, principal }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return json(
    await listReviewItems({
      workspaceId: principal.workspaceId,
      query: listReviewItemsQuerySchema.parse(params),
    }),
  );
});
