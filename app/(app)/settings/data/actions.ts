"use server";

import { validatedAction } from "@/lib/auth/validated-action";
import { updateDataPolicy } from "@/lib/data-policy/update-data-policy";
import { dataPolicySchema } from "@/schemas/data-policy";

export const updateDataPolicyAction = validatedAction(
  dataPolicySchema,
  async (input, { member, meta }) =>
    updateDataPolicy({ ownerId: member.workspaceId, actorId: member.userId, changes: input, meta }),
  { permission: "manage_workspace" },
);
