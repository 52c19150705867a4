import { authedRoute } from "@/lib/api/handler";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { leaveWorkspace } from "@/lib/workspaces/members";

export const dynamic = "force-dynamic";

/** The caller leaves the workspace (409 for the last owner, and for one's personal workspace). */
export const POST = authedRoute({ scopes: ["full"], permission: "read" }, async ({ request, principal }) => {
  await leaveWorkspace(principal, readRequestMeta(request.headers));
  return new Response(null, { status: 204 });
});
