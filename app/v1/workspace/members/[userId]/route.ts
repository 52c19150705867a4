import { authedRoute, json } from "@/lib/api/handler";
import { readJsonInput } from "@/lib/api/read-json-input";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { changeMemberRole, removeMember } from "@/lib/workspaces/members";
import { memberParamsSchema, updateMemberSchema } from "@/schemas/workspaces";

export const dynamic = "force-dynamic";

/** A user id that is not a UUID names no member: 404 like any other. */
function memberId(params: Record<string, unknown>): string {
  const parsed = memberParamsSchema.safeParse({ userId: params.userId });
  if (!parsed.success) throw notFound("Member");
  return parsed.data.userId;
}

export const PATCH = authedRoute(
  { scopes: ["full"], permission: "manage_members" },
  async ({ request, params, principal }) => {
    const userId = memberId(params);
    const input = await readJsonInput(request, updateMemberSchema);
    return json(
      await changeMemberRole(principal, { userId, role: input.role }, readRequestMeta(request.headers)),
    );
  },
);

export const DELETE = authedRoute(
  { scopes: ["full"], permission: "manage_members" },
  async ({ request, params, principal }) => {
    await removeMember(principal, memberId(params), readRequestMeta(request.headers));
    return new Response(null, { status: 204 });
  },
);
