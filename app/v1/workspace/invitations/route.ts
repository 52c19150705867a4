import { expectedOrigin } from "@/lib/api/assert-same-origin-write";
import { authedRoute, json } from "@/lib/api/handler";
import { readJsonInput } from "@/lib/api/read-json-input";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { createInvitation, listInvitations } from "@/lib/workspaces/invitations";
import { createInvitationSchema } from "@/schemas/workspaces";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["full"], permission: "manage_members" }, async ({ principal }) =>
  json({ data: await listInvitations(principal.workspaceId) }),
);

export const POST = authedRoute(
  { scopes: ["full"], permission: "manage_members" },
  async ({ request, principal }) => {
    const input = await readJsonInput(request, createInvitationSchema);
    const meta = { ...readRequestMeta(request.headers), origin: expectedOrigin(request) };
    return json(await createInvitation(principal, input, meta), { status: 201 });
  },
);
