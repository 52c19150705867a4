import { authedRoute, json } from "@/lib/api/handler";
import { readJsonInput } from "@/lib/api/read-json-input";
import { readRequestMeta } from "@/lib/auth/request-meta";
import { deleteWorkspace } from "@/lib/deletion/delete-workspace";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { updateWorkspace } from "@/lib/workspaces/update-workspace";
import { updateWorkspaceSchema } from "@/schemas/workspaces";

export const dynamic = "force-dynamic";

/** The workspace the credential acts in, with the caller's role there. */
export const GET = authedRoute({ scopes: ["read", "ingest"], permission: "read" }, async ({ principal }) =>
  json(await getWorkspace(principal)),
);

export const PATCH = authedRoute(
  { scopes: ["full"], permission: "manage_workspace" },
  async ({ request, principal }) => {
    const input = await readJsonInput(request, updateWorkspaceSchema);
    return json(await updateWorkspace(principal, input, readRequestMeta(request.headers)));
  },
);

/**
 * Deletes the workspace with everything in it (owners only; a personal workspace goes with its account) and
 * answers 200 with the signed deletion receipt once done.
 */
export const DELETE = authedRoute(
  { scopes: ["full"], permission: "delete_workspace" },
  async ({ principal, meta }) => json(await deleteWorkspace(principal, {}, meta)),
);
