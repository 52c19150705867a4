import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { getDataPolicy } from "@/lib/data-policy/get-data-policy";
import { updateDataPolicy } from "@/lib/data-policy/update-data-policy";
import { badRequest } from "@/lib/errors";
import { updateDataPolicySchema } from "@/schemas/data-policy";

export const dynamic = "force-dynamic";

// Temporary home of the account's data policy until workspaces land (`PATCH /v1/workspace { redaction, retention }`).
export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ principal }) =>
  json(await getDataPolicy(principal.workspaceId)),
);

export const PATCH = authedRoute(
  { scopes: ["full"], permission: "manage_workspace" },
  async ({ request, principal }) => {
    const body = await request.json().catch(() => {
      throw badRequest("The request body must be JSON");
    });
    const policy = await updateDataPolicy({
      ownerId: principal.workspaceId,
      actorId: principal.userId,
      changes: updateDataPolicySchema.parse(body),
      meta: readRequestMeta(request.headers),
    });
    return json(policy);
  },
);
