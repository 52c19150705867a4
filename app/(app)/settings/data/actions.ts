"use server";

import { validatedAction } from "@/lib/auth/validated-action";
import { updateDataPolicy } from "@/lib/data-policy/update-data-policy";
import { dataPolicySchema } from "@/schemas/data-policy";

export const updateDataPolicyAction = validatedAction(dataPolicySchema, async (input, { user, meta }) =>
  updateDataPolicy({ ownerId: user.id, actorId: user.id, changes: input, meta }),
);
