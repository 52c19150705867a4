import { authedRoute, json } from "@/lib/api/handler";
import { listWorkspaceMembers } from "@/lib/workspaces/members";

export const dynamic = "force-dynamic";

export const GET = authedRoute({ scopes: ["read"], permission: "read" }, async ({ principal }) =>
  json({ data: await listWorkspaceMembers(principal.workspaceId) }),
);
