"use server";

import { validatedAction } from "@/lib/auth/validated-action";
import { updateDataPolicy } from "@/lib/data-policy/update-data-policy";
import { deleteWorkspace } from "@/lib/deletion/delete-workspace";
import { dataPolicySchema } from "@/schemas/data-policy";
import { deleteWorkspaceSchema } from "@/schemas/deletion";

export const updateDataPolicyAction = validatedAction(
  dataPolicySchema,
  async (input, { member, meta }) =>
    updateDataPolicy({ ownerId: member.workspaceId, actorId: member.userId, changes: input, meta }),
  { permission: "manage_workspace" },
);

/**
 * Deletes the current workspace once its name is typed; the browser falls back to the personal workspace on its
 * next page. No revalidation here: re-rendering this page now would replace the receipt the form shows.
 */
export const deleteWorkspaceAction = validatedAction(
  deleteWorkspaceSchema,
  async (input, { member, meta }) => deleteWorkspace(member, input, meta),
  { permission: "delete_workspace" },
);
