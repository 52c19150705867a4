import { authedRoute, json } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { getInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { idParamsSchema } from "@/schemas/workspaces";

export const dynamic = "force-dynamic";

function invitationId(params: Record<string, unknown>): string {
  const parsed = idParamsSchema.safeParse({ id: params.id });
  if (!parsed.success) throw notFound("Invitation");
  return parsed.data.id;
}

export const GET = authedRoute(
  { scopes: ["full"], permission: "manage_members" },
  async ({ params, principal }) => json(await getInvitation(principal.workspaceId, invitationId(params))),
);

export const DELETE = authedRoute(
  { scopes: ["full"], permission: "manage_members" },
  async ({ request, params, principal }) => {
    await revokeInvitation(principal, invitationId(params), readRequestMeta(request.headers));
    return new Response(null, { status: 204 });
  },
);
